/**
 * The preset dictionary of saved-state format 2 (raw deflate, src/engine/saved-text.ts): text the
 * compressor may refer back to from the first byte, so that even a short state compresses well. It
 * holds the codec's own syntax and the commonest words of the languages learners write in (Danish and
 * English), the domain's words among them. Nothing from a particular course version: a course update
 * must never make a stored state unreadable.
 *
 * Part of the format: decoding needs exactly these bytes, so this text never changes. A better
 * dictionary is a new format (3), with this one kept to read format 2.
 *
 * Deflate reaches back 32 KB and a nearer match is cheaper, so the likeliest text comes last.
 */
const ENGLISH =
  'which would there their about could other these because through between should those while where after before again also only ' +
  'people employee employees resident residents citizen citizens customer customers service services supplier suppliers partner ' +
  'organisation organization department management manager managers leader leaders leadership director board team teams staff ' +
  'colleague colleagues project projects system systems solution solutions platform process processes decision decisions data ' +
  'digital technology change changes development strategy budget risk risks benefit benefits value quality time year years month ' +
  'months week meeting meetings plan plans first next last every each more most less better faster simple clear together ' +
  'think believe feel hope often always never rarely already still just actually really concrete important most biggest new old own shared ' +
  'responsibility goal goals measure result results experience knowledge skills learning learn learned question questions answer ' +
  'tell explain describe discuss show start stop close use used give get take make made put understand ensure help support ' +
  'I will we will we must I want I would I think I have we have they would it is this is that is in the of the to the for the ' +
  'and the on the with the from the that we what we how we why we when we so that ';

const DANISH =
  'hvordan hvorfor hvornår hvilke hvilket hvad hvem hvis fordi derfor selvom mens efter inden under mellem gennem igen også kun ' +
  'borgere borgerne borger medarbejdere medarbejderne medarbejder kollegaer kolleger leverandør leverandører partner samarbejde ' +
  'organisation organisationen afdeling afdelingen ledelse ledelsen leder ledere ledergruppen direktion direktionen topledelsen ' +
  'team teamet projekt projektet projekter system systemet systemer løsning løsningen løsninger platform data digital digitale ' +
  'digitalisering teknologi forandring forandringen udvikling strategi strategien budget budgettet risiko risici gevinst gevinster ' +
  'kvalitet tid år måned måneder uge møde mødet møder plan planen første næste sidste hver mere mest mindre bedre hurtigere ' +
  'sammen beslutning beslutningen beslutninger opgave opgaven opgaver behov behovet arbejde arbejdet arbejder kommune kommunen ' +
  'region regionen myndighed myndigheder sag sager sagsbehandlere it-afdelingen ' +
  'tænker tror mener synes oplever ønsker håber gerne ofte altid aldrig sjældent allerede stadig endnu lige bare faktisk egentlig ' +
  'konkret konkrete vigtig vigtigt vigtigste største mindste nye nyt ny gamle gammel eget egne egen fælles tydelig tydeligt ' +
  'ansvar ansvarlig mål målet måle resultat resultater erfaring erfaringer viden kompetencer kompetence læring lære lærer lærte ' +
  'spørgsmål spørge spørger svar svare fortælle fortæller forklare forklarer beskrive beskriver drøfte drøfter vise viser ' +
  'begynde starte stoppe lukke bruge bruger bruges brugt give giver får fik tage tager gøre gør gjorde lave laver sætte sætter ' +
  'forstå forstår sikre sikrer hjælpe hjælper støtte styring styre prioritere prioriteter ressourcer penge økonomi omkostninger ' +
  'kunder brugere behov ønsker forventninger tillid kultur fejl forsøg eksperiment eksperimenter gevinsten værdien løbende ' +
  'hvordan vi hvad vi hvor vi når vi som vi at vi fordi vi og vi men vi så vi hvis vi der skal det skal vi kan jeg kan ' +
  'jeg vil vi vil vi skal jeg skal jeg har vi har jeg tror de ville det er der er som er kan ikke har ikke ' +
  'af de at det og i en til på er med for som vi der ikke om ud kan har var skal vil bliver blive være den et jeg du vores ' +
  'jer dem deres sig selv nu når så men eller alle også meget mange nogle andre ';

/** The codec's syntax (src/engine/codec.ts) as format 2 writes it: records, answers and places. */
const SYNTAX =
  '[2#{1:a5:check1:d' +
  'T1:q{}1:r1:s1#2#3#4#5#1:p1:c{}]' +
  '1:f10:reflection1:a4:self1:f' +
  '7:module:10:completed:7:results5:final4:menu' +
  '1:a';

export const SAVED_STATE_DICTIONARY: string = ENGLISH + DANISH + SYNTAX;
