/**
 * Accessible choice fields: a select, and a group of radio buttons or checkboxes in a fieldset
 * with a legend. Hints and errors are linked by aria-describedby, like FormField's. Error
 * summaries may link to the group (its id) or to its first input (`${id}-0`).
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { describedBy, HintAndError } from './forms.tsx';

export interface ChoiceOption {
  value: string;
  label: string;
  /** shown after the label, e.g. a facet count */
  detail?: string;
  /** a hint under the option */
  hint?: string;
  /** an optgroup label (selects); consecutive options with the same group are grouped */
  group?: string;
  /** language of the label when it differs from the page */
  lang?: string | undefined;
}
export type Option = ChoiceOption;

export interface SelectFieldProps {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string | undefined;
  options: ChoiceOption[];
  /** a first, empty option ('choose ...') */
  placeholder?: string;
  required?: boolean;
  class?: string;
}

export function SelectField(props: SelectFieldProps): SafeHtml {
  const groups: { group: string | undefined; options: ChoiceOption[] }[] = [];
  for (const option of props.options) {
    const last = groups.at(-1);
    if (last && last.group === option.group) last.options.push(option);
    else groups.push({ group: option.group, options: [option] });
  }
  const renderOption = (option: ChoiceOption) => (
    <option value={option.value} selected={option.value === props.value} lang={option.lang}>
      {option.detail ? `${option.label} ${option.detail}` : option.label}
    </option>
  );
  return (
    <div class={['field', props.error ? 'field--error' : '', props.class ?? ''].filter(Boolean).join(' ')}>
      <label for={props.id}>{props.label}</label>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <select
        id={props.id}
        name={props.name ?? props.id}
        required={props.required}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {groups.map((g) => (g.group ? <optgroup label={g.group}>{g.options.map(renderOption)}</optgroup> : g.options.map(renderOption)))}
      </select>
    </div>
  );
}

export interface ChoiceGroupProps {
  /** the fieldset's id; the inputs' ids are `${id}-0`, `${id}-1`, … */
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  /** checkboxes unless told */
  type?: 'checkbox' | 'radio';
  options: ChoiceOption[];
  /** the chosen values */
  selected: readonly string[];
  /** lay the options out side by side (short labels such as weekdays or a 0–10 scale) */
  inline?: boolean;
  class?: string;
}

export function ChoiceGroup(props: ChoiceGroupProps): SafeHtml {
  const groupClass = ['choice-group', props.inline ? 'choice-group--inline' : '', props.error ? 'field--error' : '', props.class ?? ''];
  return (
    <fieldset class={groupClass.filter(Boolean).join(' ')} id={props.id} aria-describedby={describedBy(props.id, props.hint, props.error)}>
      <legend>{props.legend}</legend>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <div class={props.inline ? 'choices choices--inline' : 'choices'}>
        {props.options.map((option, index) => (
          <div class="choice">
            <input
              type={props.type ?? 'checkbox'}
              id={`${props.id}-${index}`}
              name={props.name}
              value={option.value}
              checked={props.selected.includes(option.value)}
              aria-describedby={option.hint ? `${props.id}-${index}-hint` : undefined}
            />
            <label for={`${props.id}-${index}`} lang={option.lang}>
              {option.label}
              {option.detail ? <span class="count"> {option.detail}</span> : null}
            </label>
            {option.hint ? (
              <p class="hint" id={`${props.id}-${index}-hint`}>
                {option.hint}
              </p>
            ) : null}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
