// The command menu registered with setMyCommands, in English (default) and Arabic (language_code ar).
export const MENU = {
  en: [
    ['start', 'Subscribe this chat'],
    ['watch', 'Add a watch: /watch <query>'],
    ['unwatch', 'Remove a watch: /unwatch <id>'],
    ['list', 'Your watches'],
    ['lang', 'Summary language: ar, en or both'],
    ['pause', 'Pause alerts'],
    ['resume', 'Resume alerts'],
    ['digest', 'Batch alerts: off, hourly, daily'],
    ['sources', 'Sources and their health'],
    ['alias', 'Add a name: /alias a = b'],
    ['help', 'Commands and query examples'],
  ],
  ar: [
    ['start', 'اشترك بهذه المحادثة'],
    ['watch', 'أضف متابعة: /watch <استعلام>'],
    ['unwatch', 'احذف متابعة: /unwatch <رقم>'],
    ['list', 'متابعاتك'],
    ['lang', 'لغة الملخصات: ar أو en أو both'],
    ['pause', 'أوقف التنبيهات'],
    ['resume', 'استأنف التنبيهات'],
    ['digest', 'اجمع التنبيهات: off أو hourly أو daily'],
    ['sources', 'المصادر وحالتها'],
    ['alias', 'أضف اسماً: /alias أ = ب'],
    ['help', 'الأوامر وأمثلة الاستعلام'],
  ],
} as const;

export const menuCommands = (lang: 'ar' | 'en') =>
  MENU[lang].map(([command, description]) => ({ command, description }));
