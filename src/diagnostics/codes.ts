/**
 * Every user-facing diagnostic has a stable code, so tests and users can refer
 * to it. WF1xx syntax, WF2xx names and types, WF3xx model, WF4xx properties,
 * WF5xx input files and usage.
 */
export type DiagnosticCode =
  | 'WF101' // syntax error: expected …
  | 'WF102' // number literal out of the supported range
  | 'WF201' // undefined name
  | 'WF202' // duplicate name
  | 'WF203' // type mismatch
  | 'WF204' // initial value outside the declared range
  | 'WF205' // empty or inverted range
  | 'WF206' // effect may leave the declared range
  | 'WF207' // assignment to something that is not a variable
  | 'WF208' // wrong use of a name (e.g. an activity where a value is expected)
  | 'WF301' // model too large to pack
  | 'WF302' // construct not allowed here
  | 'WF303' // no workflow/machine/net/system in the file, or several without selection
  | 'WF304' // machine: state problems (no initial state, unknown state)
  | 'WF305' // net: bad arc or place
  | 'WF401' // unknown property name
  | 'WF402' // property problem
  | 'WF501' // cannot read file
  | 'WF502'; // bad command-line usage

export type Severity = 'error' | 'warning';
