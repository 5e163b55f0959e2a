/** The page's foot: the course language. Kept out of the header, so the header holds only the course and its progress. */
import { LanguagePicker } from './LanguagePicker.tsx';

export function Footer() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <LanguagePicker />
      </div>
    </footer>
  );
}
