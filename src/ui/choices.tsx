/** Accessible choice fields: checkbox and radio groups in a fieldset with a legend, and selects. */
import type { SafeHtml } from '#jsx/jsx-runtime';

export interface ChoiceOption {
  value: string;
  label: string;
  /** shown after the label, e.g. a facet count */
  detail?: string;
  /** language of the label when it differs from the page */
  lang?: string | undefined;
}

export interface ChoiceGroupProps {
  /** prefix of the input ids; the group's id for error links */
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  type?: 'checkbox' | 'radio';
  options: ChoiceOption[];
  selected: readonly string[];
  /** lay the options out side by side (short labels such as weekdays) */
  inline?: boolean;
  class?: string;
}

export function ChoiceGroup(props: ChoiceGroupProps): SafeHtml {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={['choices', props.inline ? 'choices--inline' : '', props.error ? 'field--error' : '', props.class ?? ''].filter(Boolean).join(' ')} id={props.id} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
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
      {props.options.map((option) => {
        const inputId = `${props.id}-${option.value.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
        return (
          <div class="choice">
            <input type={props.type ?? 'checkbox'} id={inputId} name={props.name} value={option.value} checked={props.selected.includes(option.value)} />
            <label for={inputId}>
              <span lang={option.lang}>{option.label}</span>
              {option.detail ? <span class="count"> {option.detail}</span> : null}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export interface SelectFieldProps {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  options: ChoiceOption[];
  value: string;
  class?: string;
}

export function SelectField(props: SelectFieldProps): SafeHtml {
  return (
    <div class={`field${props.class ? ` ${props.class}` : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <select id={props.id} name={props.name ?? props.id} aria-describedby={props.hint ? `${props.id}-hint` : undefined}>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value} lang={option.lang}>
            {option.detail ? `${option.label} ${option.detail}` : option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
