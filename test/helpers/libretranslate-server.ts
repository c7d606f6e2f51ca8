// A real LibreTranslate server on 127.0.0.1 (POST /translate {q, source, target, format} →
// {translatedText}), scripted like ./openai-server: 'content' replies are the translated text.
import { type Reply, type ScriptedServer, startScripted } from './openai-server';

export type { Reply } from './openai-server';

export function startLibreTranslateServer(replies: readonly Reply[]): Promise<ScriptedServer> {
  return startScripted('/translate', replies, (r) =>
    r.kind === 'content' ? { translatedText: r.content } : { detectedLanguage: null, unexpected: true },
  );
}
