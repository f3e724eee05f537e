/**
 * Forms of one given name across East Slavic languages and their romanisations: a Ukrainian
 * passport says `Oleksandr`, a Belarusian one `Aliaksandr`, the EU list `Aleksandr`. These are
 * the same name, not a spelling difference that an edit distance can see. The groups are keyed
 * through `spellingKey`, so every transliteration of each form is covered.
 */
import { spellingKey } from '../normalize/index.js';

const GROUPS: readonly string[] = [
  'aleksandr alexander aleksander oleksandr oleksander aliaksandr alyaksandr aljaksandr alexandr aleksandras aleksandrs alexandre alessandro alaksandr',
  'aleksandra alexandra oleksandra aliaksandra alyaksandra aljaksandra',
  'aleksei alexei alexey aleksey oleksiy oleksii oleksij aliaksei aliaksiej alyaksey aleksej aleksejs aleksejus alexej',
  'vladimir volodymyr uladzimir uladzimer wladimir vladimiras vladimirs wlodzimierz volodimir',
  'vladislav vladyslav uladzislau wladyslaw vladislavs',
  'nikolai nikolay mykola mikalai mikalaj nikolaj nikolajs nikolajus mikola',
  'sergei sergey serhiy serhii serhij siarhei siarhey siarhiej sergiy serguei sergej sergejs sergejus',
  'yuri yury yuriy iurii yurii jurij juri jurijs iouri yurij jurijus',
  'grigory grigoriy grigorii hryhoriy hryhorii hrihoriy ryhor rygor grigorij grigorijs',
  'mikhail mykhailo mykhaylo michail mikhailo michal mikhal mihail michailas mihails',
  'viktor victor wiktor viktoras viktors',
  'igor ihor ihar igors igoris',
  'oleg oleh aleh alieh olegs olegas',
  'dmitry dmitri dmytro dzmitry dzmitryi dmitrij dimitri dmitriy dmitrii dzmitri dmitrijs dmitrijus',
  'pavel pavlo paval pawel pavels pavelas',
  'petr pyotr petro piotr pyatro piatro petras petrs',
  'andrei andrey andriy andrii andrij andrej andrzej andrejs andrejus andrius',
  'anatoly anatolii anatoliy anatol anatolij anatolijs anatolijus',
  'vasily vasiliy vasilii vasilij vasyl vasil wasilij vasilijs vasilijus',
  'valery valeriy valerii valerij valer valeri valerijs',
  'yevgeny yevgeniy evgeny evgeniy evgenii yevhen yevhenii yauhen jauhen evgenij jevgenij jevgenijs evgenijs jewgeni',
  'yevgenia yevgeniya evgenia evgeniya yevheniia yevheniya yauheniya jauhienija',
  'gennady gennadiy gennadii hennadiy hennadii henadz genadij genadijs',
  'konstantin kostiantyn kostyantyn kanstantsin kanstantin constantin konstantins',
  'leonid leanid leonids leonidas',
  'stepan stsiapan sciapan stefan stepans',
  'fedor fyodor fedir fiodar fiodor fedors',
  'georgy georgii georgiy georgi heorhiy heorhii heorhij jurgis',
  'yakov yakiv yakau jakov jakiv jakau',
  'semyon semen semion siamion symon',
  'vyacheslav viacheslav viachaslau vjacheslav wjatscheslaw vjaceslav vjaceslavs',
  'vitaly vitaliy vitalii vitalij vital vitalijs',
  'yaroslav iaroslav jaroslav yaraslau jaroslaw',
  'boris barys borys borisas',
  'ilya illia illya ilia iliya ilja',
  'kirill kyrylo kiryl kirils kirilas',
  'maxim maksim maksym maksims maksimas',
  'nikita mykyta mikita',
  'denis denys dzianis deniss denisas',
  'artem artyom artsiom artiom artjom',
  'timofei timofey tymofiy tymofii tsimafei',
  'vadim vadym vadzim vadims',
  'arkady arkadiy arkadii arkadz',
  'yelena elena olena alena alyona helena jelena jelena',
  'natalia natalya nataliya natallia natalija natalja',
  'tatiana tatyana tetiana tetyana tatsiana tatjana',
  'olga olha volha',
  'irina iryna iryna irena',
  'svetlana svitlana sviatlana svjatlana',
  'lyudmila liudmyla liudmila ludmila ljudmila lyudmyla',
  'galina halyna halina galyna',
  'maria mariya maryia marija',
  'anna hanna ganna',
  'yekaterina ekaterina kateryna katsiaryna katerina jekaterina',
  'yulia yuliya iuliia yuliia julia julija',
  'valentina valentyna valiantsina',
  'nadezhda nadiya nadzeya nadiia',
  'larisa larysa',
  'lyubov liubov lubou lyubou',
  'elizaveta yelizaveta alizaveta jelizaveta',
  'ivan ioann',
];

let groupOfKey: Map<string, number> | null = null;

function groups(): Map<string, number> {
  if (groupOfKey !== null) return groupOfKey;
  const map = new Map<string, number>();
  GROUPS.forEach((line, index) => {
    for (const form of line.split(' ')) {
      if (form !== '') map.set(spellingKey(form), index);
    }
  });
  groupOfKey = map;
  return map;
}

/** The group of forms a spelling key belongs to, or -1: equal groups are the same given name. */
export function givenNameGroup(key: string): number {
  return groups().get(key) ?? -1;
}

/** Whether two spelling keys are forms of the same given name. */
export function areEquivalentGivenNames(a: string, b: string): boolean {
  const map = groups();
  const ga = map.get(a);
  return ga !== undefined && ga === map.get(b);
}
