/**
 * Accessible choice fields: a select and a group of radio buttons or checkboxes in a fieldset
 * with a legend. Hints and errors are linked by aria-describedby, like FormField's.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';

export interface Option {
  value: string;
  label: string;
  /** an optgroup label; consecutive options with the same group are grouped */
  group?: string;
  lang?: string;
}

export interface SelectFieldProps {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string | undefined;
  options: Option[];
  /** a first, empty option ('choose ...') */
  placeholder?: string;
  required?: boolean;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function HintAndError(props: { id: string; hint?: string | undefined; error?: string | undefined }): SafeHtml {
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

export function SelectField(props: SelectFieldProps): SafeHtml {
  const groups: { group: string | undefined; options: Option[] }[] = [];
  for (const option of props.options) {
    const last = groups.at(-1);
    if (last && last.group === option.group) last.options.push(option);
    else groups.push({ group: option.group, options: [option] });
  }
  const renderOption = (option: Option) => (
    <option value={option.value} selected={option.value === props.value} lang={option.lang}>
      {option.label}
    </option>
  );
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
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
  /** prefix of the inputs' ids; the first input's id is `${id}-0` (link errors there) */
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  type: 'radio' | 'checkbox';
  options: (Option & { hint?: string })[];
  /** the chosen values */
  values: readonly string[];
  /** show the options side by side (short labels, e.g. a 0–10 scale) */
  inline?: boolean;
}

export function ChoiceGroup(props: ChoiceGroupProps): SafeHtml {
  return (
    <fieldset
      class={`field choice-group${props.inline ? ' choice-group--inline' : ''}${props.error ? ' field--error' : ''}`}
      aria-describedby={describedBy(props.id, props.hint, props.error)}
    >
      <legend>{props.legend}</legend>
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <div class="choices">
        {props.options.map((option, index) => (
          <div class="choice">
            <input
              type={props.type}
              id={`${props.id}-${index}`}
              name={props.name}
              value={option.value}
              checked={props.values.includes(option.value)}
              aria-describedby={option.hint ? `${props.id}-${index}-hint` : undefined}
            />
            <label for={`${props.id}-${index}`} lang={option.lang}>
              {option.label}
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
