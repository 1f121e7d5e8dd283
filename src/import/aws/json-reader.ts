// Reading describe output with its JSON path: typed accessors that report WRONG_SHAPE with
// the file and path (`$.Vpcs[0].CidrBlock`) when a value is not what AWS prints, and hand
// back undefined so a parser skips the record instead of guessing.
import type { Problems } from './problems.js';
import type { SnapshotFile } from './read-folder.js';

/** A JSON object. */
export type Obj = Readonly<Record<string, unknown>>;

/** Where a record came from: its file, folder layout and JSON path. */
export interface Src {
  readonly file: string;
  readonly dir: string;
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly path: string;
  /** The record's Name tag, shown as a comment in the output. */
  readonly name: string | undefined;
}

/** The value of the Name tag in Tags / TagSet, if any. */
export function nameTag(o: Obj): string | undefined {
  for (const key of ['Tags', 'TagSet']) {
    const tags = o[key];
    if (!Array.isArray(tags)) continue;
    for (const t of tags) {
      if (typeof t === 'object' && t !== null && (t as Obj)['Key'] === 'Name' && typeof (t as Obj)['Value'] === 'string') {
        const v = ((t as Obj)['Value'] as string).trim();
        return v === '' ? undefined : v;
      }
    }
  }
  return undefined;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Typed access to one file's JSON, reporting shape errors against it. */
export class JsonReader {
  constructor(
    private readonly problems: Problems,
    readonly file: SnapshotFile,
  ) {}

  /** The source of a record at `path`; with the record, its Name tag too. */
  src(path: string, record?: Obj): Src {
    const f = this.file;
    return { file: f.rel, dir: f.dir, account: f.account, region: f.region, path, name: record ? nameTag(record) : undefined };
  }

  wrong(path: string, message: string): undefined {
    this.problems.error('WRONG_SHAPE', this.file.rel, path, message);
    return undefined;
  }

  object(v: unknown, path: string): Obj | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    return this.wrong(path, `expected an object, found ${typeName(v)}`);
  }

  array(v: unknown, path: string): readonly unknown[] | undefined {
    if (Array.isArray(v)) return v;
    return this.wrong(path, `expected an array, found ${typeName(v)}`);
  }

  /** A required string. */
  str(o: Obj, key: string, path: string): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) return this.wrong(`${path}.${key}`, `missing "${key}", which AWS always gives`);
    if (typeof v !== 'string') return this.wrong(`${path}.${key}`, `expected a string, found ${typeName(v)}`);
    return v;
  }

  /** An optional string (absent or null is undefined). */
  optStr(o: Obj, key: string, path: string): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') return this.wrong(`${path}.${key}`, `expected a string, found ${typeName(v)}`);
    return v;
  }

  /** An optional boolean; also `{ "Value": bool }` as describe-vpc-attribute prints it. */
  optBool(o: Obj, key: string, path: string): boolean | undefined {
    let v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'object' && !Array.isArray(v) && 'Value' in (v as Obj)) v = (v as Obj)['Value'];
    if (typeof v !== 'boolean') return this.wrong(`${path}.${key}`, `expected true or false, found ${typeName(v)}`);
    return v;
  }

  /** An optional integer; numeric strings are accepted (some tools print ports as text). */
  optInt(o: Obj, key: string, path: string): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) return this.wrong(`${path}.${key}`, `expected an integer, found ${typeName(v)}`);
    return n;
  }

  /** An optional object. */
  optObj(o: Obj, key: string, path: string): Obj | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    return this.object(v, `${path}.${key}`);
  }

  /** The items of an optional array field, each parsed by `fn` (absent is empty). */
  items<T>(o: Obj, key: string, path: string, fn: (item: unknown, path: string) => T | undefined): T[] {
    const v = o[key];
    if (v === undefined || v === null) return [];
    const arr = this.array(v, `${path}.${key}`);
    if (!arr) return [];
    const out: T[] = [];
    for (let i = 0; i < arr.length; i++) {
      // A file with as many errors as are reported is not read further (problems.ts).
      if (this.problems.full(this.file.rel)) {
        this.problems.error('WRONG_SHAPE', this.file.rel, `${path}.${key}[${i}]`, 'not read');
        break;
      }
      const r = fn(arr[i], `${path}.${key}[${i}]`);
      if (r !== undefined) out.push(r);
    }
    return out;
  }

  /** The objects of an optional array field, each parsed by `fn`. */
  objects<T>(o: Obj, key: string, path: string, fn: (item: Obj, path: string) => T | undefined): T[] {
    return this.items(o, key, path, (item, p) => {
      const obj = this.object(item, p);
      return obj ? fn(obj, p) : undefined;
    });
  }

  /** The strings of an optional array field. */
  strings(o: Obj, key: string, path: string): string[] {
    return this.items(o, key, path, (item, p) => (typeof item === 'string' ? item : this.wrong(p, `expected a string, found ${typeName(item)}`)));
  }
}
