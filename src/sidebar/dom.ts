/**
 * The one way the sidebar makes elements. Strings become text nodes, never markup, so a candidate's
 * answer or a comment that contains `<img onerror=…>` or `</script>` shows as those characters. There is
 * deliberately no way to pass HTML through here.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];

export interface Attrs {
  readonly id?: string;
  readonly class?: string;
  readonly title?: string;
  readonly type?: string;
  readonly name?: string;
  readonly for?: string;
  readonly role?: string;
  readonly placeholder?: string;
  readonly rows?: number;
  readonly maxLength?: number;
  readonly value?: string;
  readonly checked?: boolean;
  readonly disabled?: boolean;
  readonly hidden?: boolean;
  /** Links open outside the sidebar's iframe (a sidebar cannot navigate itself), and only over https. */
  readonly href?: string;
  readonly aria?: Readonly<Record<string, string>>;
  readonly data?: Readonly<Record<string, string>>;
  readonly onClick?: (event: Event) => void;
  readonly onInput?: (event: Event) => void;
  readonly onChange?: (event: Event) => void;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function safeHref(url: string): string | undefined {
  return /^https:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}

export function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
  } else if (typeof child === 'string' || typeof child === 'number') {
    parent.appendChild(document.createTextNode(String(child)));
  } else {
    parent.appendChild(child as Node);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) el.setAttribute(name, value);
  };
  set('id', attrs.id);
  set('class', attrs.class);
  set('title', attrs.title);
  set('type', attrs.type);
  set('name', attrs.name);
  set('for', attrs.for);
  set('role', attrs.role);
  set('placeholder', attrs.placeholder);
  if (attrs.rows !== undefined) set('rows', String(attrs.rows));
  if (attrs.maxLength !== undefined) set('maxlength', String(attrs.maxLength));
  if (attrs.href !== undefined) {
    const href = safeHref(attrs.href);
    if (href) {
      set('href', href);
      set('target', '_blank');
      set('rel', 'noopener noreferrer');
    }
  }
  for (const [k, v] of Object.entries(attrs.aria ?? {})) el.setAttribute(`aria-${k}`, v);
  // `threadId` becomes `data-thread-id`, as `dataset` would write it.
  for (const [k, v] of Object.entries(attrs.data ?? {})) el.setAttribute(`data-${kebab(k)}`, v);
  if (attrs.value !== undefined) (el as unknown as { value: string }).value = attrs.value;
  if (attrs.checked !== undefined) (el as unknown as { checked: boolean }).checked = attrs.checked;
  if (attrs.disabled) el.setAttribute('disabled', '');
  if (attrs.hidden) el.hidden = true;
  if (attrs.onClick) el.addEventListener('click', attrs.onClick);
  if (attrs.onInput) el.addEventListener('input', attrs.onInput);
  if (attrs.onChange) el.addEventListener('change', attrs.onChange);
  for (const child of children) append(el, child);
  return el;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  for (const child of children) append(parent, child);
}
