/**
 * Forms of one given name across East Slavic languages and their romanisations: a Ukrainian
 * passport says `Oleksandr`, a Belarusian one `Aliaksandr`, the EU list `Aleksandr`. These are
 * the same name, not a spelling difference that an edit distance can see. The groups are keyed
 * through `spellingKey`, so every transliteration of each form is covered.
 */
import { spellingKey } from '../normalize/index.js';

const GROUPS: readonly string[] = [
  'aleksandr alexander aleksander oleksandr oleksander aliaksandr alyaksandr aljaksandr alexandr aleksandras aleksandrs alexandre alessandro alaksandr alex alejandro',
  'aleksandra alexandra oleksandra aliaksandra alyaksandra aljaksandra',
  'aleksei alexei alexey aleksey oleksiy oleksii oleksij aliaksei aliaksiej alyaksey aleksej aleksejs aleksejus alexej',
  'vladimir volodymyr uladzimir uladzimer wladimir vladimiras vladimirs wlodzimierz volodimir',
  'vladislav vladyslav uladzislau wladyslaw vladislavs',
  'nikolai nikolay mykola mikalai mikalaj nikolaj nikolajs nikolajus mikola nicholas nick nicolas nicola niccolo nicolai',
  'sergei sergey serhiy serhii serhij siarhei siarhey siarhiej sergiy serguei sergej sergejs sergejus',
  'yuri yury yuriy iurii yurii jurij juri jurijs iouri yurij jurijus',
  'grigory grigoriy grigorii hryhoriy hryhorii hrihoriy ryhor rygor grigorij grigorijs gregory greg gregor gregorio gregoire',
  'mikhail mykhailo mykhaylo michail mikhailo michal mikhal mihail michailas mihails michael mike mickey michel miguel',
  'viktor victor wiktor viktoras viktors',
  'igor ihor ihar igors igoris',
  'oleg oleh aleh alieh olegs olegas',
  'dmitry dmitri dmytro dzmitry dzmitryi dmitrij dimitri dmitriy dmitrii dzmitri dmitrijs dmitrijus',
  'pavel pavlo paval pawel pavels pavelas paul pablo paolo paulo',
  'petr pyotr petro piotr pyatro piatro petras petrs peter pete pierre pedro pietro',
  'andrei andrey andriy andrii andrij andrej andrzej andrejs andrejus andrius andrew andy andreas andre andres',
  'anatoly anatolii anatoliy anatol anatolij anatolijs anatolijus',
  'vasily vasiliy vasilii vasilij vasyl vasil wasilij vasilijs vasilijus',
  'valery valeriy valerii valerij valer valeri valerijs',
  'yevgeny yevgeniy evgeny evgeniy evgenii yevhen yevhenii yauhen jauhen evgenij jevgenij jevgenijs evgenijs jewgeni eugene eugen eugenio',
  'yevgenia yevgeniya evgenia evgeniya yevheniia yevheniya yauheniya jauhienija',
  'gennady gennadiy gennadii hennadiy hennadii henadz genadij genadijs',
  'konstantin kostiantyn kostyantyn kanstantsin kanstantin constantin konstantins',
  'leonid leanid leonids leonidas',
  'stepan stsiapan sciapan stefan stepans stephen steven steve stephan esteban etienne stefano',
  'fedor fyodor fedir fiodar fiodor fedors theodore ted teddy theo',
  'georgy georgii georgiy georgi heorhiy heorhii heorhij jurgis george georg georges jorge giorgio',
  'yakov yakiv yakau jakov jakiv jakau jacob jakob jakub giacomo',
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
  'yelena elena olena alena alyona helena jelena jelena helen helene',
  'natalia natalya nataliya natallia natalija natalja',
  'tatiana tatyana tetiana tetyana tatsiana tatjana',
  'olga olha volha',
  'irina iryna iryna irena',
  'svetlana svitlana sviatlana svjatlana',
  'lyudmila liudmyla liudmila ludmila ljudmila lyudmyla',
  'galina halyna halina galyna',
  'maria mariya maryia marija mary marie',
  'anna hanna ganna anne ann annie',
  'yekaterina ekaterina kateryna katsiaryna katerina jekaterina catherine katherine kathryn kate katie caterina katarzyna',
  'yulia yuliya iuliia yuliia julia julija',
  'valentina valentyna valiantsina',
  'nadezhda nadiya nadzeya nadiia',
  'larisa larysa',
  'lyubov liubov lubou lyubou',
  'elizaveta yelizaveta alizaveta jelizaveta elizabeth elisabeth liz beth betty elisabetta',
  'ivan ioann',
  // Western forms and English nicknames: lists and documents give `Ted` for `Theodore`, `Juan`
  // for `John`. Slavic lines above carry their Western forms (`Mikhail`, `Michael`, `Miguel`).
  'john juan jean johann johannes jan hans giovanni joao jon johnny jack sean ian',
  'joseph joe jose josef giuseppe iosif osip yosef yusuf',
  'benjamin ben benny binyamin veniamin',
  'william bill billy will willy wilhelm guillaume guillermo willem',
  'robert bob bobby rob robbie roberto',
  'richard rick ricky dick ricardo riccardo',
  'james jim jimmy jamie jaime',
  'thomas tom tommy tomas tomasz',
  'anthony tony antonio antoine anton',
  'edward eddie eduard eduardo edouard',
  'charles charlie chuck carlos karl carl carlo',
  'henry harry hank henri enrique heinrich enrico',
  'lawrence larry laurence lorenzo laurent',
  'francis frank francisco francesco francois franz frantisek',
  'frederick fred freddie friedrich fritz federico',
  'daniel dan danny daniil danylo',
  'david dave davide dawid',
  'samuel sam sammy',
  'matthew matt matthias matteo mateo matvei matvey mateusz',
  'margaret maggie peggy margarita margarida marguerite',
  'sophia sofia sofya sophie zofia',
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
