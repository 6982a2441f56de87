/**
 * A value of the front matter that the schema reads once, where it validates it (a date, a date-time, a time of day,
 * a duration): the text as written, which messages quote, and its typed value, which every later stage reads. Its
 * string and JSON forms are the text as written, so that a record quoted or hashed reads as its source does.
 */
export class ParsedText<T> {
  constructor(
    readonly text: string,
    readonly value: T,
  ) {}

  toString(): string {
    return this.text;
  }

  toJSON(): string {
    return this.text;
  }
}
