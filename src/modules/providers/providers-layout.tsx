/** The frame of providers' and coordinators' pages and small parts they share. */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import type { PageContext } from '../../platform/page-context.ts';
import { Layout, asset } from '../../ui/layout.tsx';
import type { FormErrors } from './activity-form.ts';

export function StaffLayout(props: { ctx: PageContext; title: string; errors?: FormErrors | undefined; scripts?: string[]; children?: Child }): SafeHtml {
  const { ctx } = props;
  const hasErrors = props.errors !== undefined && Object.keys(props.errors).length > 0;
  return (
    <Layout
      ctx={ctx}
      title={`${hasErrors ? `${ctx.t('providers.errorTitlePrefix')} ` : ''}${props.title}`}
      head={<link rel="stylesheet" href={asset('staff.css')} />}
      {...(props.scripts ? { scripts: props.scripts } : {})}
    >
      {props.children}
    </Layout>
  );
}

/** A status message after a redirect (?notice=key). */
export function Notice(props: { ctx: PageContext; notice: string | undefined; params?: Record<string, string | number> }): SafeHtml | null {
  if (!props.notice || !/^[a-zA-Z.]+$/.test(props.notice)) return null;
  return (
    <p class="notice notice--success" role="status">
      {props.ctx.t(`providers.${props.notice}`, props.params)}
    </p>
  );
}

export function Checkbox(props: { id: string; name?: string; label: string; checked: boolean }): SafeHtml {
  return (
    <div class="field choice">
      <input type="checkbox" id={props.id} name={props.name ?? props.id} value="on" checked={props.checked} />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

/** A readable label of an editor field ('name_sv' → 'Name (Swedish)'), for diffs, history and errors. */
export function fieldLabel(ctx: PageContext, field: string): string {
  const text = /^(.*)_(fi|sv|en)$/.exec(field);
  if (text && ctx.t(`providers.field.${text[1]}`) !== `providers.field.${text[1]}`) {
    return ctx.t('providers.editor.inLanguage', { field: ctx.t(`providers.field.${text[1]}`), language: ctx.t(`providers.language.${text[2]}`) });
  }
  const row = /^(weekly|exception|event)_(\d)_(.*)$/.exec(field);
  if (row) {
    const group = ctx.t(`providers.field.${row[1]}`, { number: Number(row[2]) + 1 });
    const part = row[1] === 'weekly' ? (row[3] === 'days' ? 'weekdays' : row[3]) : `${row[1]}_${row[3]}`;
    return `${group}: ${ctx.t(`providers.field.${part}`)}`;
  }
  if (field === 'accessibility') return ctx.t('providers.field.accessibility');
  return ctx.t(`providers.field.${field}`);
}

export function errorItems(ctx: PageContext, errors: FormErrors | undefined) {
  return Object.entries(errors ?? {}).map(([field, key]) => ({ field: /^(weekly_\d_days|themes|target_groups|languages)$/.test(field) ? `${field}-0` : field, message: `${fieldLabel(ctx, field)}: ${ctx.t(key)}` }));
}

export function formatValue(value: string | string[] | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return Array.isArray(value) ? value.join(', ') || '–' : value || '–';
}
