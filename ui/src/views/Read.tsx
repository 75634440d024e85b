/**
 * Read: paste text or open/drop an HTML file, and see its quotes. The engine runs here, in the browser (bundled
 * from src/index.ts): nothing is sent to the server, and it works with the network cut once the page has loaded.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { extract } from '../../../src/index.js';
import type { Extraction } from '../../../src/types.js';
import { ExtractionView } from '../components/ExtractionView.js';
import { t, type Key } from '../i18n.js';

const EXAMPLE_FR = `Grève des transports : le gouvernement ne recule pas

« Nous ne céderons pas », a déclaré la ministre Anne Roy mardi devant les députés.

Selon le syndicat Sud-Rail, la mobilisation doit se poursuivre jusqu'à la fin de la semaine. « Les cheminots sont déterminés », a affirmé son porte-parole, Marc Lefèvre.

LIRE AUSSI  Une vidéo incroyable fait le tour du web`;

// Kept between visits to the view, in memory only (never stored, never sent).
let draft = { text: '', lang: 'auto', date: '', result: null as Extraction | null, fileName: null as string | null };

export function Read() {
  const [text, setText] = useState(draft.text);
  const [lang, setLang] = useState(draft.lang);
  const [date, setDate] = useState(draft.date);
  const [result, setResult] = useState<Extraction | null>(draft.result);
  const [fileName, setFileName] = useState<string | null>(draft.fileName);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // A file dropped beside the drop zone must not make the browser leave the page to display it.
  useEffect(() => {
    const stop = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  const show = (r: Extraction | null, source: { text: string; fileName: string | null }) => {
    setResult(r);
    draft = { text: source.text, lang, date, result: r, fileName: source.fileName };
  };

  const runText = (value = text) => {
    setError(null);
    setFileName(null);
    show(extract({ text: value, date: date || null }, { lang }), { text: value, fileName: null });
  };

  const runFile = async (file: File) => {
    setError(null);
    try {
      const body = await file.text();
      const isHtml = /\.x?html?$/i.test(file.name) || file.type.includes('html') || /^\s*<(!doctype|html|head|body|article|p)\b/i.test(body);
      const given = { id: file.name, date: date || null };
      const r = isHtml ? extract({ ...given, html: body }, { lang }) : extract({ ...given, text: body }, { lang });
      setText(r.text);
      setFileName(file.name);
      show(r, { text: r.text, fileName: file.name });
    } catch {
      setError(t('read.fileError'));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files?.[0];
    if (file) void runFile(file);
  };

  return (
    <section class="view read" aria-labelledby="read-title">
      <h1 id="read-title">{t('read.title')}</h1>
      <p class="intro">{t('read.intro')} <span class="badge">{t("read.local")}</span></p>
      <form
        class={`input${dragging ? ' dragging' : ''}`}
        onSubmit={(e) => {
          e.preventDefault();
          runText();
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="read-form"
      >
        <label for="read-text">{t('read.text')}</label>
        <textarea
          id="read-text"
          rows={8}
          value={text}
          placeholder={t('read.placeholder')}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter runs without leaving the keyboard.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              runText();
            }
          }}
        />
        <div class="row">
          <button type="submit" class="primary">{t('read.run')}</button>
          <label class="file">
            <span class="button-like">{t('read.file')}</span>
            <input
              ref={fileInput}
              type="file"
              accept=".html,.htm,.xhtml,.txt,text/html,text/plain"
              class="visually-hidden-file"
              onChange={(e) => {
                const f = (e.target as HTMLInputElement).files?.[0];
                if (f) void runFile(f);
              }}
            />
          </label>
          <span class="muted">{t('read.drop')}</span>
          <button
            type="button"
            onClick={() => {
              setText(EXAMPLE_FR);
              runText(EXAMPLE_FR);
            }}
          >
            {t('read.example')}
          </button>
          <button
            type="button"
            onClick={() => {
              setText('');
              setFileName(null);
              show(null, { text: '', fileName: null });
              if (fileInput.current) fileInput.current.value = '';
            }}
          >
            {t('read.clear')}
          </button>
        </div>
        <div class="row options">
          <label class="inline">
            {t('read.language')}{' '}
            <select value={lang} onChange={(e) => setLang((e.target as HTMLSelectElement).value)}>
              <option value="auto">{t('read.auto')}</option>
              <option value="fr">fr</option>
              <option value="en">en</option>
            </select>
          </label>
          <label class="inline">
            {t('read.date')}{' '}
            <input type="date" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
          </label>
        </div>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      <div aria-live="polite">
        {result && result.status === 'skipped' && (
          <p class="notice" data-testid="skipped">
            {t('read.skipped')} : {t(`read.reason.${result.reason}` as Key)}
          </p>
        )}
        {result && result.status === 'ok' && (
          <>
            {fileName && <p class="muted">{fileName}{result.meta.title ? ` — ${result.meta.title}` : ''}</p>}
            <ExtractionView record={result} />
          </>
        )}
      </div>
    </section>
  );
}
