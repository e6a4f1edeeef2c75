/** Accessible form parts: every field has a label, a hint and an error linked by aria-describedby. */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import { csrfFieldName } from '../platform/csrf.ts';
import type { PageContext } from '../platform/page-context.ts';

/** A POST form with the CSRF token; every state-changing form uses it. */
export function PostForm(props: { ctx: PageContext; action: string; children?: Child; class?: string; id?: string }): SafeHtml {
  return (
    <form method="post" action={props.action} class={props.class} id={props.id} novalidate>
      <input type="hidden" name={csrfFieldName} value={props.ctx.csrfToken ?? ''} />
      {props.children}
    </form>
  );
}

export interface FieldProps {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  type?: 'text' | 'email' | 'tel' | 'number' | 'date' | 'time' | 'url' | 'search' | 'password';
  required?: boolean;
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
  multiline?: boolean;
  rows?: number;
  lang?: string;
}

/** The ids of a field's hint and error, for aria-describedby. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and error message, with the ids that describedBy names. */
export function HintAndError(props: { id: string; hint?: string | undefined; error?: string | undefined }): SafeHtml {
  return (
    <>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </>
  );
}

export function FormField(props: FieldProps): SafeHtml {
  const common = {
    id: props.id,
    name: props.name ?? props.id,
    required: props.required,
    'aria-describedby': describedBy(props.id, props.hint, props.error),
    'aria-invalid': props.error ? 'true' : undefined,
    autocomplete: props.autocomplete,
    maxlength: props.maxlength,
    lang: props.lang,
  };
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <label for={props.id}>{props.label}</label>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 5}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? 'text'} value={props.value} inputmode={props.inputmode} />
      )}
    </div>
  );
}
