/**
 * Acts alleged in a testimony: the controlled list used to code allegations.
 *
 * Built from the categories that Syrian documentation organisations and the Istanbul Protocol
 * use, with the local names survivors themselves use for the common methods (shabeh, dulab,
 * bisat al-rih, the German chair, falaqa) so a documenter can code what they hear without
 * translating it first. Each act has a group so the UI can show a long list in sections.
 *
 * Adding an act is safe; removing or renaming a code is not (exports carry codes).
 */
import { defineVocabulary } from '../vocabulary';

/** Sections of the acts list. */
export type ActGroup = 'physical' | 'positional' | 'sexual' | 'psychological' | 'deprivation' | 'detention' | 'killing' | 'other';

const act = <const C extends string>(code: C, group: ActGroup, en: string, ar: string) => ({ code, group, en, ar });

/** Acts of torture, ill-treatment and other violations, in display order. */
export const acts = defineVocabulary('act', [
  // Physical violence
  act('beating', 'physical', 'Beating', 'الضرب'),
  act('beating_with_objects', 'physical', 'Beating with cables, pipes or sticks', 'الضرب بالكابلات أو الأنابيب أو العصي'),
  act('kicking_stamping', 'physical', 'Kicking and stamping', 'الركل والدوس'),
  act('falaqa', 'physical', 'Beating the soles of the feet (falaqa)', 'الفلقة (الضرب على باطن القدمين)'),
  act('dulab', 'physical', 'Tyre (dulab)', 'الدولاب'),
  act('electric_shocks', 'physical', 'Electric shocks', 'الصعق الكهربائي'),
  act('burning', 'physical', 'Burning (cigarettes, heated objects, liquids)', 'الحرق (بالسجائر أو بأدوات محمّاة أو بالسوائل)'),
  act('pulling_nails_teeth_hair', 'physical', 'Pulling out nails, teeth or hair', 'قلع الأظافر أو الأسنان أو نتف الشعر'),
  act('cutting_stabbing', 'physical', 'Cutting or stabbing', 'الجرح أو الطعن بأدوات حادة'),
  act('water_torture', 'physical', 'Water torture (submersion, cold water)', 'التعذيب بالماء (الإغراق أو الماء البارد)'),
  act('suffocation', 'physical', 'Suffocation', 'الخنق'),
  act('extreme_temperatures', 'physical', 'Exposure to extreme cold or heat', 'التعريض للبرد أو الحر الشديدين'),
  // Positional torture
  act('shabeh', 'positional', 'Suspension (shabeh)', 'الشبح (التعليق)'),
  act('bisat_al_rih', 'positional', 'Flying carpet (bisat al-rih)', 'بساط الريح'),
  act('german_chair', 'positional', 'German chair', 'الكرسي الألماني'),
  act('stress_positions', 'positional', 'Stress positions (prolonged standing, kneeling)', 'الأوضاع المُجهِدة (الوقوف أو الجثو لفترات طويلة)'),
  act('prolonged_shackling', 'positional', 'Prolonged shackling or handcuffing', 'التقييد المطوّل بالأصفاد'),
  act('blindfolding_hooding', 'positional', 'Prolonged blindfolding or hooding', 'تعصيب العينين أو تغطية الرأس لفترات طويلة'),
  // Sexual violence
  act('sexual_violence', 'sexual', 'Sexual violence', 'العنف الجنسي'),
  act('rape', 'sexual', 'Rape', 'الاغتصاب'),
  act('threat_of_sexual_violence', 'sexual', 'Threats of sexual violence or rape', 'التهديد بالعنف الجنسي أو الاغتصاب'),
  act('genital_violence', 'sexual', 'Violence to the genitals', 'إيذاء الأعضاء التناسلية'),
  act('forced_nudity', 'sexual', 'Forced nudity', 'التعرية القسرية'),
  act('invasive_body_search', 'sexual', 'Degrading or invasive body searches', 'التفتيش الجسدي المهين'),
  // Psychological torture
  act('death_threats', 'psychological', 'Death threats', 'التهديد بالقتل'),
  act('threats_against_relatives', 'psychological', 'Threats against relatives', 'تهديد الأقارب'),
  act('relatives_detained_or_abused', 'psychological', 'Relatives detained or abused as pressure', 'احتجاز الأقارب أو إيذاؤهم للضغط'),
  act('mock_execution', 'psychological', 'Mock execution', 'الإعدام الوهمي'),
  act('humiliation', 'psychological', 'Humiliation and degrading treatment', 'الإذلال والمعاملة المهينة'),
  act('religious_humiliation', 'psychological', 'Religious humiliation or forced blasphemy', 'الإهانة الدينية أو الإكراه على شتم المعتقدات'),
  act('witnessing_torture', 'psychological', 'Made to witness torture of others', 'الإجبار على مشاهدة تعذيب الآخرين'),
  act('witnessing_killing', 'psychological', 'Witnessing the killing or death of others', 'مشاهدة قتل الآخرين أو موتهم'),
  act('forced_to_harm_others', 'psychological', 'Forced to harm other detainees', 'الإجبار على إيذاء معتقلين آخرين'),
  act('sleep_deprivation', 'psychological', 'Sleep deprivation', 'الحرمان من النوم'),
  act('sensory_deprivation_or_noise', 'psychological', 'Sensory deprivation or constant noise or light', 'الحرمان الحسي أو التعريض المستمر للضجيج أو الضوء'),
  act('forced_confession', 'psychological', 'Confession or fingerprinting of statements under duress', 'انتزاع الاعترافات أو البصم على أقوال تحت الإكراه'),
  // Deprivation and conditions of detention
  act('deprivation_food_water', 'deprivation', 'Deprivation of food or water', 'الحرمان من الطعام أو الماء'),
  act('denial_medical_care', 'deprivation', 'Denial of medical care', 'الحرمان من الرعاية الطبية'),
  act('deprivation_hygiene', 'deprivation', 'Deprivation of hygiene and toilets', 'الحرمان من النظافة ودورات المياه'),
  act('deprivation_light_air', 'deprivation', 'Deprivation of light or ventilation', 'الحرمان من الضوء أو التهوية'),
  act('overcrowding', 'deprivation', 'Overcrowding', 'الاكتظاظ'),
  act('solitary_confinement', 'deprivation', 'Solitary confinement', 'الحبس الانفرادي'),
  act('incommunicado', 'deprivation', 'Denied contact with family or a lawyer', 'منع التواصل مع العائلة أو المحامي'),
  // Detention and due process
  act('arbitrary_arrest', 'detention', 'Arbitrary arrest', 'الاعتقال التعسفي'),
  act('enforced_disappearance', 'detention', 'Enforced disappearance', 'الإخفاء القسري'),
  act('unfair_trial', 'detention', 'Trial without due process (such as a military field court)', 'المحاكمة دون ضمانات (مثل محكمة الميدان العسكرية)'),
  act('forced_labour', 'detention', 'Forced labour', 'العمل القسري'),
  act('extortion', 'detention', 'Extortion or demands for bribes', 'الابتزاز وطلب الرشاوى'),
  act('property_seizure', 'detention', 'Seizure of property', 'الاستيلاء على الممتلكات'),
  // Killing
  act('killing', 'killing', 'Killing', 'القتل'),
  act('death_under_torture', 'killing', 'Death under torture', 'الوفاة تحت التعذيب'),
  act('execution', 'killing', 'Execution (extrajudicial or after a summary trial)', 'الإعدام (خارج نطاق القضاء أو بعد محاكمة صورية)'),
  act('other', 'other', 'Other (describe in notes)', 'أخرى (تُوصف في الملاحظات)'),
]);

/** The code of an act. */
export type ActCode = (typeof acts.codes)[number];
