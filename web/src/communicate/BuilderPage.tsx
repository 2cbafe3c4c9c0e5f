// The message builder: what happened, what I feel, what I need, what I would like to ask.
// The message is composed from the parts as the person writes; they can then edit it,
// copy it and save it as a draft for someone. Suggestions appear as they type and never
// block saving. /talk/new (?to=PERSON) starts one; /talk/messages/:id edits a saved one.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { Link, navigate, type Location } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { talkApi, type Message, type MessageParts } from './api';
import { composeMessage } from './compose';
import { HintList, useFeedback } from './Hints';
import { TalkNav, usePeople } from './parts';
import { WordField } from './WordPicker';

export function BuilderPage({ loc, id }: { loc?: Location; id?: number }) {
  useTitle(id ? 'Edit a message' : 'Build a message');
  const existing = useLoad(() => (id ? talkApi.message(id) : Promise.resolve(null)), [id]);
  if (id && existing.loading) return <Loading />;
  if (id && (existing.error || !existing.data)) return <ErrorNote error={existing.error} retry={existing.reload} />;
  const to = loc?.query.get('to');
  return <Builder key={id ?? 'new'} saved={existing.data} initialPerson={to && /^\d+$/.test(to) ? Number(to) : null} />;
}

function Builder({ saved, initialPerson }: { saved: Message | null; initialPerson: number | null }) {
  const toast = useToast();
  const { people } = usePeople();
  const vocab = useLoad(() => talkApi.vocabulary(), []);
  const [person, setPerson] = useState<number | null>(saved ? saved.person : initialPerson);
  const [parts, setParts] = useState<MessageParts>({
    observation: saved?.observation ?? '',
    feeling: saved?.feeling ?? '',
    need: saved?.need ?? '',
    request: saved?.request ?? '',
  });
  // The text follows the parts until the person edits it themselves.
  const [text, setText] = useState(saved?.text ?? '');
  const [ownWords, setOwnWords] = useState(!!saved && saved.text !== composeMessage(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [crisis, setCrisis] = useState(false);
  const feedback = useFeedback(text);

  useEffect(() => {
    if (!ownWords) setText(composeMessage(parts));
  }, [parts, ownWords]);

  const set = (k: keyof MessageParts) => (v: string) => setParts((p) => ({ ...p, [k]: v }));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast({ message: 'Copied. Paste it wherever you will send it.' });
    } catch {
      const box = document.getElementById('message-text') as HTMLTextAreaElement | null;
      box?.select();
      toast({ message: 'Your browser did not allow copying; the text is selected, so press Ctrl+C.' });
    }
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const body = { person, ...parts, text };
      const m = saved ? await talkApi.updateMessage(saved.id, body) : await talkApi.addMessage(body);
      setCrisis(!!m.crisis);
      toast({ message: saved ? 'Saved your changes.' : 'Saved as a draft. It is on the Talk overview.' });
      if (!saved) navigate(`/talk/messages/${m.id}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setErrors(err.fieldErrors());
        document.getElementById('message-form-error')?.focus();
      } else {
        toast({ message: `Could not save: ${errorMessage(err)}` });
      }
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!saved) return;
    try {
      await talkApi.removeMessage(saved.id);
      navigate('/talk');
      toast({
        message: 'Draft deleted.',
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await talkApi.restoreMessage(saved.id);
              navigate(`/talk/messages/${saved.id}`);
            } catch (e) {
              toast({ message: `Could not undo: ${errorMessage(e)}` });
            }
          },
        },
      });
    } catch (e) {
      toast({ message: `Could not delete: ${errorMessage(e)}` });
    }
  };

  const errorList = Object.entries(errors);
  return (
    <div class="page talk-page">
      <TalkNav current={saved ? null : 'new'} />
      <h1>{saved ? 'Your message' : 'Build a message'}</h1>
      <p class="lead">
        Four short parts: what happened, what you feel, what you need, and what you would like to ask. Say what a camera
        would have seen, and keep the feeling about you. The message below is put together as you go; change it until it
        sounds like you.
      </p>
      {crisis && (
        <div class="notice crisis-notice" role="status">
          <p>
            What you wrote sounds heavy. Help is open beside this page; you can also find it any time under{' '}
            <Link href="/help">Get help now</Link>. Your draft is saved.
          </p>
        </div>
      )}
      {errorList.length > 0 && (
        <div class="notice notice-error" role="alert" id="message-form-error" tabindex={-1}>
          <p>Please check: {errorList.map(([f, m]) => `${f} ${m}`).join('; ')}.</p>
        </div>
      )}
      <form class="builder" onSubmit={save}>
        <div class="builder-parts stack">
          <div class="field">
            <label for="message-person">Who it is for</label>
            <select
              id="message-person"
              value={person === null ? '' : String(person)}
              onChange={(e) => {
                const v = (e.target as HTMLSelectElement).value;
                setPerson(v ? Number(v) : null);
              }}
            >
              <option value="">No one in particular</option>
              {people.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name}
                </option>
              ))}
            </select>
            {people.length === 0 && (
              <p class="muted small">
                <Link href="/people?then=/talk/new">Add someone</Link> to keep drafts for them.
              </p>
            )}
          </div>
          <div class="field">
            <label for="message-observation">What happened</label>
            <p class="muted small" id="message-observation-hint">
              Only what a camera would have caught: “you came home at eleven”, not “you don’t care”.
            </p>
            <textarea
              id="message-observation"
              rows={2}
              value={parts.observation}
              aria-describedby="message-observation-hint"
              onInput={(e) => set('observation')((e.target as HTMLTextAreaElement).value)}
            />
          </div>
          <WordField
            id="message-feeling"
            label="What I feel"
            hint="A feeling is about you: worried, lonely, relieved. Words like “ignored” describe what someone did."
            value={parts.feeling}
            onInput={set('feeling')}
            words={vocab.data?.feelings ?? []}
            listTitle="Find a feeling word"
            error={errors.feeling}
          />
          <WordField
            id="message-need"
            label="What I need"
            hint="What matters to you underneath the feeling: rest, reassurance, to be heard."
            value={parts.need}
            onInput={set('need')}
            words={vocab.data?.needs ?? []}
            listTitle="Find a need"
            error={errors.need}
          />
          <div class="field">
            <label for="message-request">What I would like to ask</label>
            <p class="muted small" id="message-request-hint">
              Something they can do, and can say no to: “text me when plans change”.
            </p>
            <textarea
              id="message-request"
              rows={2}
              value={parts.request}
              aria-describedby="message-request-hint"
              onInput={(e) => set('request')((e.target as HTMLTextAreaElement).value)}
            />
          </div>
        </div>
        <div class="builder-result stack">
          <div class="field">
            <label for="message-text">The message</label>
            <textarea
              id="message-text"
              rows={6}
              value={text}
              aria-invalid={errors.text ? 'true' : undefined}
              aria-describedby={errors.text ? 'message-text-error' : undefined}
              onInput={(e) => {
                setOwnWords(true);
                setText((e.target as HTMLTextAreaElement).value);
              }}
            />
            {errors.text && (
              <p class="field-error" id="message-text-error">
                {errors.text}
              </p>
            )}
            {ownWords && (
              <p class="small">
                <button
                  type="button"
                  class="link-button"
                  onClick={() => {
                    setOwnWords(false);
                    setText(composeMessage(parts));
                  }}
                >
                  Put it together from the parts again
                </button>
              </p>
            )}
          </div>
          <HintList id="message-hints" hints={feedback.hints} checking={feedback.checking} failed={feedback.failed} />
          <div class="actions">
            <button type="submit" class="button primary" disabled={saving}>
              {saving ? 'Saving…' : saved ? 'Save changes' : 'Save as a draft'}
            </button>
            <button type="button" class="button" onClick={copy} disabled={!text.trim()}>
              Copy
            </button>
            {saved && (
              <button type="button" class="button quiet" onClick={remove}>
                Delete
              </button>
            )}
          </div>
          <p class="muted small">
            Before you talk, the <Link href="/talk/listen">listening card</Link> can help with the other half of the
            conversation.
          </p>
        </div>
      </form>
    </div>
  );
}
