// Northern Syria: Azaz (two attacks, two days apart: must stay two stories), Idlib (two drone strikes
// on consecutive days: two stories), Hasakah prison (with the seeds), Qamishli, Tal Rifaat, Afrin.
import type { LabelledArticle } from './types';

export const SYRIA_NORTH: readonly LabelledArticle[] = [
  {
    id: 'azaz1-ar-a',
    story: 'azaz-market-bomb',
    outlet: 'Halab Today',
    lang: 'ar',
    url: 'https://halabtoday.example/news/2025/03/azaz-market-car-bomb',
    at: '2025-03-03T08:40:00Z',
    title: 'قتلى وجرحى بانفجار سيارة مفخخة في سوق مدينة اعزاز شمال حلب',
    text: `قُتل ثمانية مدنيين وأصيب أكثر من 25 آخرين، صباح الإثنين، جراء انفجار سيارة مفخخة وسط السوق الشعبي في مدينة اعزاز بريف حلب الشمالي.
وقال مراسلنا إن السيارة كانت مركونة قرب محلات بيع الخضار عند مدخل السوق، وإن الانفجار وقع في ساعة الذروة حين كان السوق مزدحماً بالمتسوقين.
وهرعت فرق الدفاع المدني إلى المكان ونقلت الجرحى إلى مستشفى اعزاز الوطني، فيما طوقت الشرطة العسكرية المنطقة وبدأت التحقيق.
ولم تتبنَّ أي جهة التفجير حتى ساعة إعداد هذا الخبر، في حين اتهم مسؤولون محليون خلايا تابعة لقسد بالوقوف وراءه.`,
    places: ['sy:azaz', 'sy:aleppo-gov'],
    actors: ['actor:white-helmets', 'actor:military-police', 'actor:sdf'],
  },
  {
    id: 'azaz1-ar-b',
    story: 'azaz-market-bomb',
    outlet: 'Syria Direct Arabic',
    lang: 'ar',
    url: 'https://syriadirect-ar.example/2025/03/03/اعزاز-تفجير',
    at: '2025-03-03T11:15:00Z',
    title: 'ارتفاع حصيلة تفجير اعزاز إلى ثمانية قتلى',
    text: `ارتفعت حصيلة ضحايا التفجير الذي ضرب السوق الشعبي في مدينة اعزاز إلى 8 قتلى بينهم طفلان، بحسب ما أعلن الدفاع المدني السوري (الخوذ البيضاء).
وأوضح الدفاع المدني في بيان أن فرقه أسعفت 25 مصاباً، بعضهم في حالة حرجة، وأن الانفجار ألحق أضراراً كبيرة بعشرات المحال التجارية.
ويأتي التفجير بعد أسابيع من الهدوء النسبي في المدينة التي تسيطر عليها فصائل الجيش الوطني المدعوم من تركيا، وكانت قد شهدت تفجيرات مماثلة خلال الأعوام الماضية.`,
    places: ['sy:azaz', 'tr:turkey'],
    actors: ['actor:white-helmets', 'actor:sna', 'actor:turkey'],
  },
  {
    id: 'azaz1-en-a',
    story: 'azaz-market-bomb',
    outlet: 'Levant Monitor',
    lang: 'en',
    url: 'https://levantmonitor.example/2025/03/03/car-bomb-azaz-market',
    at: '2025-03-03T12:05:00Z',
    title: 'Car bomb kills 8 in crowded Azaz market',
    text: `A car bomb tore through a busy market in the northern Syrian town of Azaz on Monday morning, killing 8 civilians, including two children, and wounding 25 others, rescuers said.
The White Helmets civil defence group said the vehicle had been parked near vegetable stalls at the market entrance and exploded at the busiest hour of the day.
Azaz, near the Turkish border north of Aleppo, is held by Turkish-backed factions of the Syrian National Army. No group claimed the attack; local officials blamed cells linked to the Kurdish-led SDF, which has denied involvement in similar bombings before.`,
    places: ['sy:azaz', 'sy:aleppo-gov', 'tr:turkey'],
    actors: ['actor:white-helmets', 'actor:sna', 'actor:sdf', 'actor:turkey'],
  },
  {
    id: 'azaz2-ar-a',
    story: 'azaz-checkpoint-bomb',
    outlet: 'Halab Today',
    lang: 'ar',
    url: 'https://halabtoday.example/news/2025/03/azaz-checkpoint-attack',
    at: '2025-03-05T15:20:00Z',
    title: 'هجوم بعبوة ناسفة على حاجز للشرطة العسكرية عند مدخل اعزاز',
    text: `أصيب ثلاثة عناصر من الشرطة العسكرية، مساء الأربعاء، بانفجار عبوة ناسفة استهدفت حاجزاً عند المدخل الشرقي لمدينة اعزاز شمال حلب.
وقال مصدر أمني إن العبوة كانت مزروعة على جانب الطريق قرب الحاجز، وانفجرت أثناء تفتيش سيارة مدنية، ما أدى أيضاً إلى احتراق السيارة دون إصابة ركابها.
ويعد هذا الهجوم الثاني في المدينة خلال أسبوع، وشددت الفصائل بعده إجراءاتها الأمنية على المداخل ومنعت دخول الشاحنات ليلاً.`,
    places: ['sy:azaz', 'sy:aleppo-gov'],
    actors: ['actor:military-police'],
  },
  {
    id: 'azaz2-en-a',
    story: 'azaz-checkpoint-bomb',
    outlet: 'North Press English',
    lang: 'en',
    url: 'https://northpress-en.example/azaz-roadside-bomb-checkpoint',
    at: '2025-03-05T18:45:00Z',
    title: 'Roadside bomb wounds three military police at Azaz checkpoint',
    text: `Three members of the military police were wounded on Wednesday evening when an improvised explosive device went off at a checkpoint on the eastern entrance of Azaz, a security source said.
The bomb had been planted by the roadside and detonated while guards were searching a civilian car, which caught fire; its passengers escaped unharmed.
It was the second attack in the town in a week. Factions in the area tightened controls at the entrances afterwards and banned lorries from entering at night.`,
    places: ['sy:azaz'],
    actors: ['actor:military-police'],
  },
  {
    id: 'idlib1-ar-a',
    story: 'idlib-drone-sarmada',
    outlet: 'Enab Baladi',
    lang: 'ar',
    url: 'https://enabbaladi.example/archives/2025/04/sarmada-drone',
    at: '2025-04-10T07:30:00Z',
    title: 'مسيّرة روسية تستهدف سيارة قرب سرمدا شمالي إدلب',
    text: `استهدفت طائرة مسيّرة يُرجّح أنها روسية، فجر الخميس، سيارة مدنية على الطريق الواصل بين سرمدا وباب الهوى في ريف إدلب الشمالي، ما أدى إلى مقتل شخصين كانا بداخلها.
وقال ناشطون إن القتيلين من عمال الإغاثة ويعملان مع منظمة محلية، وإن المسيّرة حلّقت لساعات فوق المنطقة قبل تنفيذ الضربة.
وتأتي الضربة ضمن تصعيد تشهده منطقة خفض التصعيد منذ مطلع الشهر، بعد أن استهدفت قوات النظام بالمدفعية قرى في جبل الزاوية.`,
    places: ['sy:sarmada', 'sy:bab-al-hawa', 'sy:idlib-gov', 'sy:jabal-zawiya'],
    actors: ['actor:russia', 'actor:regime'],
  },
  {
    id: 'idlib1-en-a',
    story: 'idlib-drone-sarmada',
    outlet: 'Syria Weekly',
    lang: 'en',
    url: 'https://syriaweekly.example/2025/04/10/drone-strike-sarmada-aid-workers',
    at: '2025-04-10T10:00:00Z',
    title: 'Two aid workers killed in drone strike near Sarmada',
    text: `Two aid workers were killed before dawn on Thursday when a drone, believed by activists to be Russian, struck their car on the road between Sarmada and the Bab al-Hawa crossing in northern Idlib.
Local activists said the drone had circled over the area for hours before the strike. The two men worked for a local relief organisation.
The de-escalation zone has seen rising violence since the start of the month, with government artillery hitting villages in Jabal al-Zawiya.`,
    places: ['sy:sarmada', 'sy:bab-al-hawa', 'sy:idlib-gov', 'sy:jabal-zawiya'],
    actors: ['actor:russia', 'actor:regime'],
  },
  {
    id: 'idlib2-ar-a',
    story: 'idlib-drone-ariha',
    outlet: 'Enab Baladi',
    lang: 'ar',
    url: 'https://enabbaladi.example/archives/2025/04/ariha-drone-school',
    at: '2025-04-11T13:10:00Z',
    title: 'مسيّرة انتحارية تصيب طلاباً قرب مدرسة في أريحا',
    text: `أصيب خمسة طلاب ومعلم، ظهر الجمعة، بقصف طائرة مسيّرة انتحارية أطلقتها قوات النظام على محيط مدرسة في مدينة أريحا جنوبي إدلب.
وقال مدير التربية في المدينة إن المسيّرة سقطت في ساحة قريبة من باب المدرسة لحظة خروج الطلاب، وإن الإصابات تراوحت بين متوسطة وخفيفة.
وعلّقت مديرية التربية الدوام في مدارس أريحا والقرى المحيطة بها لثلاثة أيام خشية تكرار الاستهداف.`,
    places: ['sy:ariha', 'sy:idlib-gov'],
    actors: ['actor:regime'],
  },
  {
    id: 'idlib2-en-a',
    story: 'idlib-drone-ariha',
    outlet: 'Levant Monitor',
    lang: 'en',
    url: 'https://levantmonitor.example/2025/04/11/ariha-school-drone',
    at: '2025-04-11T16:30:00Z',
    title: 'Kamikaze drone wounds pupils outside Ariha school',
    text: `Five pupils and a teacher were wounded on Friday when a government kamikaze drone hit a square outside a school in Ariha, in southern Idlib, as classes were letting out, the town's education director said.
Education authorities suspended classes in Ariha and nearby villages for three days for fear of further strikes.`,
    places: ['sy:ariha', 'sy:idlib-gov'],
    actors: ['actor:regime'],
  },
  {
    id: 'hasakah-en-a',
    story: 'ghwayran-prison',
    outlet: 'Levant Monitor',
    lang: 'en',
    url: 'https://levantmonitor.example/2022/01/20/isis-attack-hasakah-prison',
    at: '2022-01-20T23:30:00Z',
    title: 'ISIS attacks Hasakah prison with car bomb, about 20 inmates reported escaped',
    text: `Islamic State militants attacked the Ghwayran prison in the north-eastern Syrian city of Hasakah on Thursday night, detonating a car bomb near the gate and clashing with guards of the Kurdish-led Syrian Democratic Forces (SDF).
Detainees inside the prison, which holds thousands of ISIS suspects, rioted as the attack began, and about 20 of them were reported to have escaped, according to local sources.
The SDF media office said its forces and the Asayish internal security were dealing with a mutiny and an escape attempt, and that a car bomb had exploded near the Sadcop fuel depot close to the prison. Coalition helicopters flew over the area and dropped flares.`,
    places: ['sy:hasakah', 'sy:ghwayran-prison'],
    actors: ['actor:isis', 'actor:sdf', 'actor:asayish', 'actor:coalition'],
  },
  {
    id: 'qamishli-ar-a',
    story: 'qamishli-drone-commander',
    outlet: 'North Press',
    lang: 'ar',
    url: 'https://northpress.example/ar/2025/02/qamishli-drone',
    at: '2025-02-14T19:05:00Z',
    title: 'مقتل قيادي في قسد بغارة مسيّرة تركية قرب القامشلي',
    text: `قُتل قيادي عسكري في قوات سوريا الديمقراطية ومرافقه، مساء الجمعة، بغارة نفذتها طائرة مسيّرة تركية على سيارتهما في قرية تل حميس جنوب القامشلي.
وقال المركز الإعلامي لقسد في بيان إن القيادي كان مسؤولاً عن تدريب وحدات مكافحة الإرهاب في المنطقة، متهماً تركيا بانتهاك التفاهمات الموقعة.
وهذه الغارة الرابعة من نوعها في ريف القامشلي منذ بداية الشهر الجاري.`,
    places: ['sy:qamishli', 'sy:tal-hamis', 'tr:turkey'],
    actors: ['actor:sdf', 'actor:turkey'],
  },
  {
    id: 'qamishli-en-a',
    story: 'qamishli-drone-commander',
    outlet: 'Kurdistan 24 Watch',
    lang: 'en',
    url: 'https://k24watch.example/en/news/turkish-drone-kills-sdf-commander',
    at: '2025-02-14T21:40:00Z',
    title: 'Turkish drone strike kills SDF commander south of Qamishli',
    text: `A Turkish drone strike killed a commander of the Syrian Democratic Forces and his companion on Friday evening, hitting their car in the village of Tal Hamis south of Qamishli, the SDF said.
The SDF media centre said the commander had been in charge of training counter-terrorism units and accused Turkey of violating agreed understandings. It was the fourth such strike in the Qamishli countryside this month.`,
    places: ['sy:qamishli', 'sy:tal-hamis', 'tr:turkey'],
    actors: ['actor:sdf', 'actor:turkey'],
  },
  {
    id: 'talrifaat-ar-a',
    story: 'tal-rifaat-shelling',
    outlet: 'Hawar Arabic',
    lang: 'ar',
    url: 'https://hawar-ar.example/2025/05/tal-rifaat-shelling',
    at: '2025-05-06T09:00:00Z',
    title: 'قصف مدفعي تركي على قرى تل رفعت يوقع جرحى مدنيين',
    text: `أصيب أربعة مدنيين، بينهم امرأة، جراء قصف مدفعي شنّه الجيش التركي والفصائل الموالية له على قريتي مرعناز والمالكية في ريف تل رفعت شمال حلب.
وقال أهالٍ إن نحو 30 قذيفة سقطت على القريتين منذ منتصف الليل، ما ألحق أضراراً بمنازل وأراضٍ زراعية ودفع عائلات إلى النزوح نحو بلدة تل رفعت.`,
    places: ['sy:tal-rifaat', 'sy:maranaz', 'sy:malikiyah-aleppo', 'sy:aleppo-gov'],
    actors: ['actor:turkey', 'actor:sna'],
  },
  {
    id: 'talrifaat-ar-b',
    story: 'tal-rifaat-shelling',
    outlet: 'ANHA',
    lang: 'ar',
    url: 'https://anha.example/ar/2025/05/06/maranaz',
    at: '2025-05-06T10:20:00Z',
    title: 'نزوح عائلات من مرعناز بعد ليلة من القصف',
    text: `نزحت عشرات العائلات من قرية مرعناز باتجاه تل رفعت بعد ليلة عنيفة من القصف التركي طالت القرية والمالكية المجاورة.
وأفاد مصدر طبي بوصول أربعة جرحى مدنيين إلى مشفى تل رفعت، مشيراً إلى أن إحدى الجريحات في حالة خطرة.
وأحصى ناشطون سقوط 30 قذيفة مدفعية وصاروخية على المنطقة خلال ساعات الليل.`,
    places: ['sy:tal-rifaat', 'sy:maranaz', 'sy:malikiyah-aleppo'],
    actors: ['actor:turkey'],
  },
  {
    id: 'afrin-ar-a',
    story: 'afrin-olive-seizure',
    outlet: 'Afrin Post',
    lang: 'ar',
    url: 'https://afrinpost.example/2025/11/olive-harvest-levies',
    at: '2025-11-02T12:00:00Z',
    title: 'فصائل تفرض إتاوات على موسم الزيتون في ريف عفرين',
    text: `فرضت فصائل مسلحة في ريف عفرين إتاوات تصل إلى 15 بالمئة من محصول الزيتون على المزارعين في نواحي شيه وبلبل وراجو، بحسب شهادات مزارعين.
وقال مزارعون إن عناصر الفصائل أقاموا حواجز على مداخل المعاصر لتحصيل الحصة، وإن من رفض الدفع مُنع من عصر محصوله.
وتتكرر الشكاوى من هذه الممارسات في كل موسم، رغم وعود متكررة بوقفها.`,
    places: ['sy:afrin', 'sy:sheikh-hadid', 'sy:bulbul', 'sy:rajo'],
    actors: ['actor:sna'],
  },
  {
    id: 'afrin-en-a',
    story: 'afrin-olive-seizure',
    outlet: 'Syria Weekly',
    lang: 'en',
    url: 'https://syriaweekly.example/2025/11/02/afrin-olive-levies',
    at: '2025-11-02T17:10:00Z',
    title: 'Afrin farmers say factions take 15 percent of olive harvest',
    text: `Armed factions in the Afrin countryside are imposing levies of up to 15 percent of the olive harvest on farmers in the Sheikh al-Hadid, Bulbul and Rajo districts, farmers told Syria Weekly.
Fighters set up checkpoints at the entrances of olive presses to collect the share, and farmers who refused to pay were barred from pressing their crop, they said.`,
    places: ['sy:afrin', 'sy:sheikh-hadid', 'sy:bulbul', 'sy:rajo'],
    actors: ['actor:sna'],
  },
];
