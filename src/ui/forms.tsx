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

export function FormField(props: FieldProps): SafeHtml {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id: props.id,
    name: props.name ?? props.id,
    required: props.required,
    'aria-describedby': describedBy,
    'aria-invalid': props.error ? 'true' : undefined,
    autocomplete: props.autocomplete,
    maxlength: props.maxlength,
    lang: props.lang,
  };
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <label for={props.id}>{props.label}</label>
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
