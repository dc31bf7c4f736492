/**
 * An in-memory FormApp. Rules it keeps:
 * - `FormApp.create(title)` makes an unpublished form (forms created through the API after June 30, 2026
 *   take no responses until published); `create(title, true)` or `setPublished(true)` publishes it;
 * - a form takes a submission only when published and accepting responses, and only with answers that its
 *   required items and validations accept;
 * - a text validation holds one requirement (the last `require…` call wins, as in the Forms editor);
 * - editing a response keeps its id and moves its timestamp; editing needs `setAllowResponseEdits(true)`.
 */
import { type GasWorld, MIME, registerFile } from './gas-world';

const SERVICE = 'FormApp';

export type FakeItemType =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'MULTIPLE_CHOICE'
  | 'LIST'
  | 'CHECKBOX'
  | 'DATE'
  | 'PAGE_BREAK'
  | 'SECTION_HEADER';

type Requirement =
  | { kind: 'number' }
  | { kind: 'wholeNumber' }
  | { kind: 'numberBetween'; min: number; max: number }
  | { kind: 'email' }
  | { kind: 'lengthAtLeast'; n: number }
  | { kind: 'lengthAtMost'; n: number }
  | { kind: 'pattern'; pattern: string };

export class FakeTextValidation {
  constructor(
    readonly requirement: Requirement | undefined,
    readonly helpText: string,
  ) {}
  /** Whether an answer passes (used when a test submits a response). */
  accepts(answer: string): boolean {
    const r = this.requirement;
    if (!r) return true;
    switch (r.kind) {
      case 'number':
        return answer.trim() !== '' && Number.isFinite(Number(answer));
      case 'wholeNumber':
        return /^[+-]?\d+$/.test(answer.trim());
      case 'numberBetween': {
        const n = Number(answer);
        return answer.trim() !== '' && Number.isFinite(n) && n >= r.min && n <= r.max;
      }
      case 'email':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(answer.trim());
      case 'lengthAtLeast':
        return answer.length >= r.n;
      case 'lengthAtMost':
        return answer.length <= r.n;
      case 'pattern':
        return new RegExp(r.pattern).test(answer);
    }
  }
}

class TextValidationBuilder {
  private requirement: Requirement | undefined;
  private help = '';
  private set(r: Requirement): this {
    this.requirement = r;
    return this;
  }
  requireNumber(): this {
    return this.set({ kind: 'number' });
  }
  requireWholeNumber(): this {
    return this.set({ kind: 'wholeNumber' });
  }
  requireNumberBetween(min: number, max: number): this {
    return this.set({ kind: 'numberBetween', min, max });
  }
  requireTextIsEmail(): this {
    return this.set({ kind: 'email' });
  }
  requireTextLengthGreaterThanOrEqualTo(n: number): this {
    return this.set({ kind: 'lengthAtLeast', n });
  }
  requireTextLengthLessThanOrEqualTo(n: number): this {
    return this.set({ kind: 'lengthAtMost', n });
  }
  requireTextMatchesPattern(pattern: string): this {
    new RegExp(pattern);
    return this.set({ kind: 'pattern', pattern });
  }
  setHelpText(text: string): this {
    this.help = text;
    return this;
  }
  build(): FakeTextValidation {
    return new FakeTextValidation(this.requirement, this.help);
  }
}

export class FakeItem {
  title = '';
  helpText = '';
  required = false;
  choices: string[] = [];
  otherOption = false;
  validation: FakeTextValidation | null = null;

  constructor(
    private readonly form: FakeForm,
    readonly id: number,
    readonly type: FakeItemType,
  ) {}

  private call(method: string): void {
    this.form.world.ledger.record(SERVICE, `Item.${method}`);
  }

  getId(): number {
    return this.id;
  }
  getType(): FakeItemType {
    return this.type;
  }
  getTitle(): string {
    return this.title;
  }
  getHelpText(): string {
    return this.helpText;
  }
  getIndex(): number {
    return this.form.indexOf(this);
  }
  isRequired(): boolean {
    return this.required;
  }
  setTitle(title: string): this {
    this.call('setTitle');
    this.title = title;
    return this;
  }
  setHelpText(text: string): this {
    this.call('setHelpText');
    this.helpText = text;
    return this;
  }
  setRequired(required: boolean): this {
    this.call('setRequired');
    if (this.type === 'PAGE_BREAK' || this.type === 'SECTION_HEADER') {
      throw new Error('Exception: This item cannot be required.');
    }
    this.required = required;
    return this;
  }
  setChoiceValues(values: string[]): this {
    this.call('setChoiceValues');
    if (!['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'].includes(this.type)) {
      throw new Error(`Exception: setChoiceValues is not available on a ${this.type} item.`);
    }
    if (values.some((v) => v === '')) throw new Error('Exception: A choice cannot be empty.');
    if (new Set(values).size !== values.length) throw new Error('Exception: Choices must be unique.');
    this.choices = [...values];
    return this;
  }
  getChoices(): Array<{ getValue(): string }> {
    return this.choices.map((v) => ({ getValue: () => v }));
  }
  showOtherOption(show: boolean): this {
    this.call('showOtherOption');
    if (this.type !== 'MULTIPLE_CHOICE' && this.type !== 'CHECKBOX') {
      throw new Error('Exception: showOtherOption is only available on multiple-choice and checkbox items.');
    }
    this.otherOption = show;
    return this;
  }
  hasOtherOption(): boolean {
    return this.otherOption;
  }
  setValidation(validation: FakeTextValidation): this {
    this.call('setValidation');
    if (this.type !== 'TEXT' && this.type !== 'PARAGRAPH_TEXT') {
      throw new Error(`Exception: setValidation is not available on a ${this.type} item.`);
    }
    const r = validation.requirement;
    if (
      this.type === 'PARAGRAPH_TEXT' &&
      r &&
      !['lengthAtLeast', 'lengthAtMost', 'pattern'].includes(r.kind)
    ) {
      throw new Error('Exception: A paragraph item accepts only length and pattern validation.');
    }
    this.validation = validation;
    return this;
  }
  setIncludesYear(_includes: boolean): this {
    this.call('setIncludesYear');
    if (this.type !== 'DATE') throw new Error('Exception: setIncludesYear is only available on date items.');
    return this;
  }
  // Apps Script hands out typed views of one item; the fake is all of them.
  asTextItem(): this {
    return this.as('TEXT');
  }
  asParagraphTextItem(): this {
    return this.as('PARAGRAPH_TEXT');
  }
  asMultipleChoiceItem(): this {
    return this.as('MULTIPLE_CHOICE');
  }
  asListItem(): this {
    return this.as('LIST');
  }
  asCheckboxItem(): this {
    return this.as('CHECKBOX');
  }
  asDateItem(): this {
    return this.as('DATE');
  }
  asPageBreakItem(): this {
    return this.as('PAGE_BREAK');
  }
  private as(type: FakeItemType): this {
    if (this.type !== type)
      throw new Error(`Exception: Item ${this.id} is a ${this.type} item, not ${type}.`);
    return this;
  }
}

export class FakeItemResponse {
  constructor(
    private readonly item: FakeItem,
    private readonly answer: string | string[],
  ) {}
  getItem(): FakeItem {
    return this.item;
  }
  getResponse(): string | string[] {
    return Array.isArray(this.answer) ? [...this.answer] : this.answer;
  }
}

export class FakeFormResponse {
  answers = new Map<number, string | string[]>();
  constructor(
    private readonly form: FakeForm,
    readonly id: string,
    public timestamp: Date,
    readonly email: string,
  ) {}
  getId(): string {
    return this.id;
  }
  getTimestamp(): Date {
    return new Date(this.timestamp.getTime());
  }
  getRespondentEmail(): string {
    return this.email;
  }
  getEditResponseUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.form.id}/viewform?edit2=${encodeURIComponent(this.id)}`;
  }
  getItemResponses(): FakeItemResponse[] {
    // Answered items only, in form order, as Apps Script returns them.
    return this.form
      .allItems()
      .filter((i) => this.answers.has(i.id))
      .map((i) => new FakeItemResponse(i, this.answers.get(i.id) as string | string[]));
  }
  getResponseForItem(item: FakeItem): FakeItemResponse | null {
    const a = this.answers.get(item.id);
    return a === undefined ? null : new FakeItemResponse(item, a);
  }
}

export class FakeForm {
  private readonly items: FakeItem[] = [];
  private readonly responses: FakeFormResponse[] = [];
  private nextItemId = 1000;
  title: string;
  description = '';
  confirmationMessage = '';
  allowResponseEdits = false;
  collectEmail = false;
  published: boolean;
  accepting = true;

  constructor(
    readonly world: GasWorld,
    readonly id: string,
    title: string,
    published: boolean,
  ) {
    this.title = title;
    this.published = published;
  }

  private call(method: string, kind: 'io' | 'handle' = 'io'): void {
    this.world.ledger.record(SERVICE, `Form.${method}`, kind);
  }

  allItems(): FakeItem[] {
    return [...this.items];
  }
  indexOf(item: FakeItem): number {
    return this.items.indexOf(item);
  }

  getId(): string {
    return this.id;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(t: string): this {
    this.call('setTitle');
    this.title = t;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setDescription(d: string): this {
    this.call('setDescription');
    this.description = d;
    return this;
  }
  getEditUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }
  getPublishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.id}/viewform`;
  }
  setConfirmationMessage(m: string): this {
    this.call('setConfirmationMessage');
    this.confirmationMessage = m;
    return this;
  }
  getConfirmationMessage(): string {
    return this.confirmationMessage;
  }
  setAllowResponseEdits(b: boolean): this {
    this.call('setAllowResponseEdits');
    this.allowResponseEdits = b;
    return this;
  }
  canEditResponse(): boolean {
    return this.allowResponseEdits;
  }
  setCollectEmail(b: boolean): this {
    this.call('setCollectEmail');
    this.collectEmail = b;
    return this;
  }
  collectsEmail(): boolean {
    return this.collectEmail;
  }
  setPublished(b: boolean): this {
    this.call('setPublished');
    this.published = b;
    return this;
  }
  isPublished(): boolean {
    this.call('isPublished');
    return this.published;
  }
  setAcceptingResponses(b: boolean): this {
    this.call('setAcceptingResponses');
    this.accepting = b;
    return this;
  }
  isAcceptingResponses(): boolean {
    this.call('isAcceptingResponses');
    return this.accepting;
  }

  private add(type: FakeItemType): FakeItem {
    this.call(`add${type}Item`);
    const item = new FakeItem(this, this.nextItemId, type);
    this.nextItemId += 1;
    this.items.push(item);
    return item;
  }
  addTextItem(): FakeItem {
    return this.add('TEXT');
  }
  addParagraphTextItem(): FakeItem {
    return this.add('PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem(): FakeItem {
    return this.add('MULTIPLE_CHOICE');
  }
  addListItem(): FakeItem {
    return this.add('LIST');
  }
  addCheckboxItem(): FakeItem {
    return this.add('CHECKBOX');
  }
  addDateItem(): FakeItem {
    return this.add('DATE');
  }
  addPageBreakItem(): FakeItem {
    return this.add('PAGE_BREAK');
  }
  addSectionHeaderItem(): FakeItem {
    return this.add('SECTION_HEADER');
  }
  getItems(type?: FakeItemType): FakeItem[] {
    this.call('getItems');
    return this.items.filter((i) => type === undefined || i.type === type);
  }
  getItemById(id: number): FakeItem | null {
    this.call('getItemById');
    return this.items.find((i) => i.id === id) ?? null;
  }
  deleteItem(item: FakeItem | number): void {
    this.call('deleteItem');
    const i = typeof item === 'number' ? item : this.items.indexOf(item);
    if (i < 0 || i >= this.items.length) throw new Error('Exception: Item not found.');
    this.items.splice(i, 1);
  }

  getResponses(since?: Date): FakeFormResponse[] {
    this.call('getResponses');
    return this.responses.filter((r) => since === undefined || r.timestamp.getTime() >= since.getTime());
  }
  getResponse(id: string): FakeFormResponse {
    this.call('getResponse');
    const r = this.responses.find((x) => x.id === id);
    if (!r) throw new Error(`Exception: No response with ID ${id} exists for this form.`);
    return r;
  }

  // Test helpers (not Apps Script): a candidate submitting or editing through the form.
  private itemFor(key: string | number): FakeItem {
    const item =
      typeof key === 'number'
        ? this.items.find((i) => i.id === key)
        : this.items.find((i) => i.title === key);
    if (!item) throw new Error(`fake form: no item ${key}`);
    return item;
  }

  private checkAnswers(answers: Map<number, string | string[]>): void {
    for (const item of this.items) {
      const a = answers.get(item.id);
      const blank = a === undefined || (Array.isArray(a) ? a.length === 0 : a === '');
      if (item.required && blank) throw new Error(`fake form: "${item.title}" is required`);
      if (blank || Array.isArray(a)) continue;
      if (item.validation && !item.validation.accepts(a)) {
        throw new Error(`fake form: "${item.title}" fails its validation`);
      }
      if (
        (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST') &&
        !item.otherOption &&
        !item.choices.includes(a)
      ) {
        throw new Error(`fake form: "${a}" is not a choice of "${item.title}"`);
      }
      if (item.type === 'DATE' && !/^\d{4}-\d{2}-\d{2}$/.test(a)) {
        throw new Error(`fake form: "${item.title}" needs a date`);
      }
    }
  }

  /** Submits answers keyed by item title or id; returns the response. */
  submit(answers: Record<string, string | string[]>, email = ''): FakeFormResponse {
    if (!this.published) throw new Error('fake form: the form is not published and takes no responses');
    if (!this.accepting) throw new Error('fake form: the form is not accepting responses');
    const map = new Map<number, string | string[]>();
    for (const [key, value] of Object.entries(answers)) {
      const id = /^\d+$/.test(key) ? Number(key) : this.itemFor(key).id;
      map.set(id, value);
    }
    this.checkAnswers(map);
    const response = new FakeFormResponse(
      this,
      this.world.ids.next('2_ABaOnu'),
      this.world.clock.now(),
      email,
    );
    response.answers = map;
    this.responses.push(response);
    return response;
  }

  /** The candidate edits their response through the edit link: same id, new timestamp. */
  editResponse(id: string, changes: Record<string, string | string[] | null>): FakeFormResponse {
    if (!this.allowResponseEdits) throw new Error('fake form: response edits are not allowed');
    const response = this.responses.find((r) => r.id === id);
    if (!response) throw new Error(`fake form: no response ${id}`);
    const map = new Map(response.answers);
    for (const [key, value] of Object.entries(changes)) {
      const itemId = this.itemFor(/^\d+$/.test(key) ? Number(key) : key).id;
      if (value === null) map.delete(itemId);
      else map.set(itemId, value);
    }
    this.checkAnswers(map);
    response.answers = map;
    response.timestamp = this.world.clock.now();
    return response;
  }

  peekResponses(): FakeFormResponse[] {
    return [...this.responses];
  }
}

export interface FakeFormApp {
  readonly forms: Map<string, FakeForm>;
  create(title: string, isPublished?: boolean): FakeForm;
  openById(id: string): FakeForm;
  createTextValidation(): TextValidationBuilder;
  createParagraphTextValidation(): TextValidationBuilder;
  readonly ItemType: Record<FakeItemType, FakeItemType>;
}

export function createFormApp(world: GasWorld): FakeFormApp {
  const forms = new Map<string, FakeForm>();
  const itemTypes = ['TEXT', 'PARAGRAPH_TEXT', 'MULTIPLE_CHOICE', 'LIST', 'CHECKBOX', 'DATE', 'PAGE_BREAK'];
  return {
    forms,
    create(title, isPublished = false) {
      world.ledger.record(SERVICE, 'create');
      const id = world.ids.next('1FAIpQL');
      const form = new FakeForm(world, id, title, isPublished);
      forms.set(id, form);
      registerFile(world, { id, name: title, mimeType: MIME.form });
      return form;
    },
    openById(id) {
      world.ledger.record(SERVICE, 'openById');
      const form = forms.get(id);
      const file = world.files.get(id);
      if (!form || !file || file.trashed) {
        throw new Error(
          'Exception: No item with the given ID could be found, or you do not have permission to access it.',
        );
      }
      return form;
    },
    createTextValidation: () => new TextValidationBuilder(),
    createParagraphTextValidation: () => new TextValidationBuilder(),
    ItemType: Object.fromEntries([...itemTypes, 'SECTION_HEADER'].map((t) => [t, t])) as Record<
      FakeItemType,
      FakeItemType
    >,
  };
}
