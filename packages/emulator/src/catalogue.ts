/**
 * The voice catalogue ListBigModelTTSTimbres and ListSpeakers read: ~30 timbres and ~130
 * speakers. Read-only and rebuilt from this table at start (not part of the persisted state).
 * Names and voice types follow the public naming pattern of the console's voices
 * (`zh_female_vv_uranus_bigtts`, `ICL_zh_female_liumengdie_v1_tob`, contract §2.1); media URLs
 * point at a reserved `.invalid` host, since the emulator serves no audio.
 */
import { numericId, seededRandom } from './state/ids.js';

interface VoiceBase {
  key: string;
  name: string;
  gender: '女' | '男';
  age: '少年' | '青年' | '中年';
  category: string;
  labels: readonly string[];
  emotions?: readonly string[];
  english?: boolean;
}

const BASES: readonly VoiceBase[] = [
  { key: 'zh_female_vv', name: 'Vivi', gender: '女', age: '青年', category: '通用场景', labels: ['自然', '亲切'], emotions: ['happy', 'sad'], english: true },
  { key: 'zh_female_xiaohe', name: '小何', gender: '女', age: '青年', category: '通用场景', labels: ['温柔', '知性'], emotions: ['happy'] },
  { key: 'zh_female_shuangkuaisisi', name: '爽快思思', gender: '女', age: '青年', category: '通用场景', labels: ['爽朗', '活泼'], english: true },
  { key: 'zh_male_wennuanahu', name: '温暖阿虎', gender: '男', age: '青年', category: '通用场景', labels: ['温暖', '可靠'], english: true },
  { key: 'zh_female_wanwanxiaohe', name: '湾湾小何', gender: '女', age: '青年', category: '方言', labels: ['台湾腔', '甜美'] },
  { key: 'zh_male_shaonianzixin', name: '少年梓辛', gender: '男', age: '少年', category: '通用场景', labels: ['清爽', '少年感'], english: true },
  { key: 'zh_female_linjianvhai', name: '邻家女孩', gender: '女', age: '青年', category: '通用场景', labels: ['清新', '自然'] },
  { key: 'zh_male_yuanboxiaoshu', name: '渊博小叔', gender: '男', age: '中年', category: '有声阅读', labels: ['沉稳', '博学'] },
  { key: 'zh_male_yangguangqingnian', name: '阳光青年', gender: '男', age: '青年', category: '通用场景', labels: ['阳光', '积极'] },
  { key: 'zh_female_tianmeixiaoyuan', name: '甜美小源', gender: '女', age: '青年', category: '通用场景', labels: ['甜美', '元气'] },
  { key: 'zh_female_qingchezizi', name: '清澈梓梓', gender: '女', age: '青年', category: '通用场景', labels: ['清澈', '温柔'] },
  { key: 'zh_male_jieshuoxiaoming', name: '解说小明', gender: '男', age: '青年', category: '视频配音', labels: ['解说', '有力'] },
  { key: 'zh_female_kailangjiejie', name: '开朗姐姐', gender: '女', age: '青年', category: '通用场景', labels: ['开朗', '大方'] },
  { key: 'zh_male_linjiananhai', name: '邻家男孩', gender: '男', age: '青年', category: '通用场景', labels: ['亲和', '自然'] },
  { key: 'zh_female_tianmeiyueyue', name: '甜美悦悦', gender: '女', age: '青年', category: '客服场景', labels: ['甜美', '耐心'] },
  { key: 'zh_female_xinlingjitang', name: '心灵鸡汤', gender: '女', age: '中年', category: '有声阅读', labels: ['治愈', '舒缓'] },
  { key: 'zh_male_jingqiangkanye', name: '京腔侃爷', gender: '男', age: '中年', category: '方言', labels: ['北京话', '幽默'] },
  { key: 'zh_male_wanqudashu', name: '湾区大叔', gender: '男', age: '中年', category: '方言', labels: ['粤语腔', '亲切'] },
  { key: 'zh_female_daimengchuanmei', name: '呆萌川妹', gender: '女', age: '青年', category: '方言', labels: ['四川话', '呆萌'] },
  { key: 'zh_male_guozhoudege', name: '广州德哥', gender: '男', age: '中年', category: '方言', labels: ['广东话', '豪爽'] },
  { key: 'zh_male_beijingxiaoye', name: '北京小爷', gender: '男', age: '青年', category: '方言', labels: ['北京话', '洒脱'] },
  { key: 'zh_male_haoyuxiaoge', name: '浩宇小哥', gender: '男', age: '青年', category: '方言', labels: ['青岛话', '爽快'] },
  { key: 'zh_male_guangxiyuanzhou', name: '广西远舟', gender: '男', age: '青年', category: '方言', labels: ['广西话', '质朴'] },
  { key: 'zh_female_meituojieer', name: '妹坨洁儿', gender: '女', age: '青年', category: '方言', labels: ['长沙话', '俏皮'] },
  { key: 'zh_male_yuzhouzixuan', name: '豫州子轩', gender: '男', age: '青年', category: '方言', labels: ['河南话', '憨厚'] },
  { key: 'zh_female_gaolengyujie', name: '高冷御姐', gender: '女', age: '青年', category: '角色扮演', labels: ['御姐', '高冷'], emotions: ['angry', 'coldness'] },
  { key: 'zh_male_aojiaobazong', name: '傲娇霸总', gender: '男', age: '青年', category: '角色扮演', labels: ['霸总', '傲娇'], emotions: ['angry'] },
  { key: 'zh_female_meilinvyou', name: '魅力女友', gender: '女', age: '青年', category: '角色扮演', labels: ['温柔', '魅力'] },
  { key: 'zh_male_shenyeboke', name: '深夜播客', gender: '男', age: '中年', category: '有声阅读', labels: ['磁性', '低沉'] },
  { key: 'zh_female_sajiaonvyou', name: '柔美女友', gender: '女', age: '青年', category: '角色扮演', labels: ['柔美', '撒娇'] },
  { key: 'zh_male_dongfanghaoran', name: '东方浩然', gender: '男', age: '中年', category: '有声阅读', labels: ['浑厚', '大气'] },
  { key: 'zh_female_liumengdie', name: '柳梦蝶', gender: '女', age: '青年', category: '有声阅读', labels: ['古风', '婉约'] },
];

const EMOTION_LABELS: Readonly<Record<string, string>> = {
  general: '通用',
  happy: '开心',
  sad: '悲伤',
  angry: '生气',
  coldness: '冷漠',
};

const MEDIA_HOST = 'https://static.emulator.invalid';

function emotionsOf(base: VoiceBase): string[] {
  return ['general', ...(base.emotions ?? [])];
}

/** ListBigModelTTSTimbres rows: the 1.0 (`_moon_bigtts`) voices, plus ICL voices for the reading category. */
function buildTimbres() {
  return BASES.map((base) => {
    const speakerId = base.category === '有声阅读' && base.key.includes('liumengdie') ? `ICL_${base.key}_v1_tob` : `${base.key}_moon_bigtts`;
    return {
      SpeakerID: speakerId,
      TimbreInfos: [
        {
          SpeakerName: base.name,
          Gender: base.gender,
          Age: base.age,
          Categories: [{ Category: base.category, NextCategory: { Category: `${base.age}${base.gender}声` } }],
          Emotions: emotionsOf(base).map((emotion) => ({
            Emotion: EMOTION_LABELS[emotion] ?? emotion,
            EmotionType: emotion,
            DemoText: `你好，我是${base.name}，很高兴认识你。`,
            DemoURL: `${MEDIA_HOST}/timbres/${speakerId}/${emotion}.mp3`,
          })),
        },
      ],
    };
  });
}

interface Family {
  suffix: (key: string) => string;
  resourceId: string;
  nameSuffix: string;
  special: string[];
}

const FAMILIES: readonly Family[] = [
  { suffix: (k) => `${k}_uranus_bigtts`, resourceId: 'seed-tts-2.0', nameSuffix: '2.0', special: ['2.0'] },
  { suffix: (k) => `${k}_moon_bigtts`, resourceId: 'seed-tts-1.0', nameSuffix: '', special: [] },
  { suffix: (k) => `${k}_emo_v2_mars_bigtts`, resourceId: 'seed-tts-1.0', nameSuffix: '（多情感）', special: ['多情感'] },
  { suffix: (k) => `ICL_${k}_v1_tob`, resourceId: 'seed-icl-1.0', nameSuffix: '（复刻）', special: ['声音复刻'] },
];

/** ListSpeakers rows: every base voice in each of four model families. */
function buildSpeakers() {
  const random = seededRandom(20250520);
  const speakers: Array<Record<string, unknown>> = [];
  for (const family of FAMILIES) {
    for (const base of BASES) {
      const voiceType = family.suffix(base.key);
      speakers.push({
        ID: numericId(random),
        VoiceType: voiceType,
        Name: `${base.name}${family.nameSuffix}`,
        Avatar: `${MEDIA_HOST}/avatars/${base.key}.png`,
        Gender: base.gender,
        Age: base.age,
        Description: `${base.labels.join('、')}的${base.age}${base.gender}声，适合${base.category}。`,
        ResourceID: family.resourceId,
        TrialURL: `${MEDIA_HOST}/speakers/${voiceType}.mp3`,
        ShortTrialURL: `${MEDIA_HOST}/speakers/${voiceType}_short.mp3`,
        Categories: [{ Categories: [base.category, `${base.gender}声`] }],
        CategoryKeys: [base.category === '方言' ? 'dialect' : base.category === '角色扮演' ? 'roleplay' : 'general'],
        Emotions: emotionsOf(base).map((emotion) => ({ Icon: '', Label: EMOTION_LABELS[emotion] ?? emotion, Value: emotion })),
        Languages: [
          { Flag: '🇨🇳', Language: 'zh', Text: '中文' },
          ...(base.english ? [{ Flag: '🇺🇸', Language: 'en', Text: '英语' }] : []),
        ],
        NormalLabels: [...base.labels],
        SpecialLabels: [...family.special],
        Heat: Math.floor(random() * 100_000),
        Status: 'online',
        Emoji: base.gender === '女' ? '👩' : '👨',
      });
    }
  }
  return speakers;
}

export const TIMBRES: ReadonlyArray<Record<string, unknown>> = buildTimbres();
export const SPEAKERS: ReadonlyArray<Record<string, unknown>> = buildSpeakers();
