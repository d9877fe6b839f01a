// Contextual keywords used as property names.
export interface PolicyFlags {
  abstract: boolean;
  declare: string;
  readonly: number;
  accessor: string;
  satisfies: boolean;
  in: number;
  out: number;
}

export interface PolicyFlagsNoSemicolons {
  key: string
  in: 'header' | 'query'
  out?: number
  readonly: boolean
}

export type Optional = { abstract?: boolean; declare?: string; satisfies?: boolean };

export class PolicyOptions {
  abstract = false;
  declare = 'x';
  readonly = 1;
  satisfies = true;
  in = 0;
  out = 0;
  accessor() {
    return this.abstract;
  }
}

export const flags = {
  abstract: false,
  declare: 'x',
  readonly: 1,
  accessor: 'a',
  satisfies: true,
  in: 0,
  out: 0,
};

export function describe(f: PolicyFlags): string {
  return `${f.abstract}${f.declare}${f.readonly}${f.accessor}${f.satisfies}${f.in}${f.out}`;
}
