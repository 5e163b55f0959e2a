import { startCourse } from './app/start';
import './player/theme.css';

void startCourse(document.getElementById('root')!);
