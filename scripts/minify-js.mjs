// Minifies a script or module for shipping (the loader, its on-demand chunk,
// the embed page's script): comments and layout go, and every local binding
// (a function's names, its parameters, a module's own top-level names) gets a
// short name. Property names, globals, a classic script's top-level names and
// a module's exports are kept. Parsed with acorn (Debian's node-acorn); the
// result is parsed again and must give the same syntax tree as the input,
// names aside, or the build fails: a minifier bug cannot ship silently.
// Usage: node scripts/minify-js.mjs IN OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const acorn = require('/usr/share/nodejs/acorn');

const WORD = /[\w$\u0080-\uffff]/;
const RESERVED = new Set(('break case catch class const continue debugger default delete do else enum export extends '
  + 'false finally for function if import in instanceof new null return super switch this throw true try typeof var '
  + 'void while with yield let static implements interface package private protected public await arguments eval '
  + 'undefined NaN Infinity of as get set async').split(' '));

function parse(code) {
  const options = { ecmaVersion: 'latest', allowHashBang: true };
  try {
    return { ast: acorn.parse(code, { ...options, sourceType: 'script' }), module: false };
  } catch {
    return { ast: acorn.parse(code, { ...options, sourceType: 'module' }), module: true };
  }
}

class Scope {
  constructor(parent, isFunction) {
    this.parent = parent;
    this.isFunction = isFunction;
    this.bindings = new Map();  // name -> { name, uses: [Identifier], scope }
    this.children = [];
    this.refs = new Set();  // bindings referenced here or in a scope inside
    parent?.children.push(this);
  }
  declare(name) {
    if (!this.bindings.has(name)) this.bindings.set(name, { name, uses: [], scope: this, keep: false });
    return this.bindings.get(name);
  }
  lookup(name) {
    for (let s = this; s; s = s.parent) if (s.bindings.has(name)) return s.bindings.get(name);
    return null;
  }
  functionScope() {
    let s = this;
    while (!s.isFunction) s = s.parent;
    return s;
  }
}

// The names a binding pattern declares, as Identifier nodes.
function patternIds(node, out = []) {
  if (!node) return out;
  if (node.type === 'Identifier') out.push(node);
  else if (node.type === 'ObjectPattern') for (const p of node.properties) patternIds(p.type === 'RestElement' ? p.argument : p.value, out);
  else if (node.type === 'ArrayPattern') for (const e of node.elements) patternIds(e, out);
  else if (node.type === 'AssignmentPattern') patternIds(node.left, out);
  else if (node.type === 'RestElement') patternIds(node.argument, out);
  return out;
}

// Declarations a scope holds before its code runs: lexical ones of its own
// statements; for a function scope, also every var below it (not in nested
// functions).
function hoist(scope, statements) {
  for (const s of statements) {
    const d = s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration' ? s.declaration : s;
    if (!d) continue;
    const exported = d !== s;
    const ids = [];
    if (d.type === 'VariableDeclaration' && d.kind !== 'var') for (const v of d.declarations) patternIds(v.id, ids);
    if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) ids.push(d.id);
    for (const id of ids) scope.declare(id.name).keep ||= exported;
  }
  if (scope.isFunction) hoistVars(scope, statements);
}

function hoistVars(scope, node) {
  if (Array.isArray(node)) return node.forEach((n) => hoistVars(scope, n));
  if (!node || typeof node.type !== 'string') return;
  if (/Function/.test(node.type)) return;
  if (node.type === 'VariableDeclaration' && node.kind === 'var')
    for (const v of node.declarations) for (const id of patternIds(v.id)) scope.declare(id.name);
  for (const key of Object.keys(node)) {
    const child = node[key];
    if (child && typeof child === 'object' && key !== 'loc') hoistVars(scope, child);
  }
}

// Resolves every identifier of the tree to its binding (or to a global).
function analyse(ast, isModule) {
  const program = new Scope(null, true);
  const globals = new Set();
  const shorthands = [];  // Property nodes written {a} whose value may be renamed
  const ref = (id, scope) => {
    const b = scope.lookup(id.name);
    if (!b) return globals.add(id.name);
    b.uses.push(id);
    for (let s = scope; s !== b.scope; s = s.parent) s.refs.add(b);
  };
  const fn = (node, scope) => {
    let outer = scope;
    if (node.type === 'FunctionExpression' && node.id) {
      outer = new Scope(scope, false);
      outer.declare(node.id.name);
      ref(node.id, outer);
    }
    const inner = new Scope(outer, true);
    for (const p of node.params) for (const id of patternIds(p)) inner.declare(id.name);
    if (node.body.type === 'BlockStatement') hoist(inner, node.body.body);
    for (const p of node.params) visit(p, inner);
    if (node.body.type === 'BlockStatement') node.body.body.forEach((s) => visit(s, inner));
    else visit(node.body, inner);
  };
  const block = (statements, scope, extra = () => {}) => {
    const inner = new Scope(scope, false);
    extra(inner);
    hoist(inner, statements);
    return inner;
  };
  function visit(node, scope) {
    if (!node) return;
    switch (node.type) {
      case 'Identifier': ref(node, scope); return;
      case 'FunctionDeclaration': ref(node.id, scope); fn(node, scope); return;
      case 'FunctionExpression': case 'ArrowFunctionExpression': fn(node, scope); return;
      case 'ClassDeclaration': case 'ClassExpression':
        if (node.id) ref(node.id, scope.lookup(node.id.name) ? scope : block([], scope, (s) => s.declare(node.id.name)));
        visit(node.superClass, scope);
        visit(node.body, scope);
        return;
      case 'BlockStatement': {
        const inner = block(node.body, scope);
        node.body.forEach((s) => visit(s, inner));
        return;
      }
      case 'StaticBlock': {
        const inner = new Scope(scope, true);
        hoist(inner, node.body);
        node.body.forEach((s) => visit(s, inner));
        return;
      }
      case 'ForStatement': case 'ForInStatement': case 'ForOfStatement': {
        const head = node.init ?? node.left;
        const inner = block(head?.type === 'VariableDeclaration' ? [head] : [], scope);
        for (const key of ['init', 'left', 'test', 'update', 'right', 'body']) visit(node[key], inner);
        return;
      }
      case 'SwitchStatement': {
        visit(node.discriminant, scope);
        const inner = block(node.cases.flatMap((c) => c.consequent), scope);
        for (const c of node.cases) {
          visit(c.test, inner);
          c.consequent.forEach((s) => visit(s, inner));
        }
        return;
      }
      case 'CatchClause': {
        const inner = block([], scope, (s) => patternIds(node.param).forEach((id) => s.declare(id.name)));
        visit(node.param, inner);
        visit(node.body, inner);
        return;
      }
      case 'VariableDeclarator': visit(node.id, scope); visit(node.init, scope); return;
      case 'MemberExpression': visit(node.object, scope); if (node.computed) visit(node.property, scope); return;
      case 'Property': case 'MethodDefinition': case 'PropertyDefinition':
        if (node.computed) visit(node.key, scope);
        if (node.shorthand) shorthands.push(node);
        visit(node.value, scope);
        return;
      case 'LabeledStatement': visit(node.body, scope); return;
      case 'BreakStatement': case 'ContinueStatement': case 'MetaProperty': return;
      case 'ExportNamedDeclaration': case 'ExportDefaultDeclaration':
        if (node.source || node.specifiers?.length) throw new Error('minify-js: export lists are not supported');
        visit(node.declaration, scope);
        return;
      case 'ImportDeclaration': case 'ExportAllDeclaration': throw new Error('minify-js: static imports are not supported');
      default:
        for (const key of Object.keys(node)) {
          if (key === 'loc' || key === 'type') continue;
          const child = node[key];
          if (Array.isArray(child)) child.forEach((c) => c && typeof c.type === 'string' && visit(c, scope));
          else if (child && typeof child.type === 'string') visit(child, scope);
        }
    }
  }
  hoist(program, ast.body);
  ast.body.forEach((s) => visit(s, program));
  if (globals.has('eval') || JSON.stringify(ast).includes('"WithStatement"')) throw new Error('minify-js: eval or with: names cannot be changed');
  // A classic script's top-level names are the page's globals.
  if (!isModule) for (const b of program.bindings.values()) b.keep = true;
  return { program, globals, shorthands };
}

function* shortNames() {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$';
  const rest = `${first}0123456789`;
  for (let length = 1; ; length++) {
    const at = new Array(length).fill(0);
    for (;;) {
      yield [first[at[0]], ...at.slice(1).map((i) => rest[i])].join('');
      let i = length - 1;
      while (i >= 0 && ++at[i] === (i === 0 ? first.length : rest.length)) at[i--] = 0;
      if (i < 0) break;
    }
  }
}

// New names, scope by scope from the outside in: a name is never a global's
// or a kept one's, nor that of an enclosing scope's binding used in this
// scope (which it would shadow); the most used bindings get the shortest
// names, and sibling and nested scopes reuse them.
function assignNames(program, globals) {
  const taken = new Set([...globals, ...RESERVED]);
  const kept = (scope) => {
    for (const b of scope.bindings.values()) if (b.keep) taken.add(b.name);
    scope.children.forEach(kept);
  };
  kept(program);
  const renames = new Map();  // Identifier node -> new name
  const newName = new Map();  // binding -> its new name
  const give = (scope) => {
    const used = new Set([...scope.refs].map((b) => newName.get(b) ?? b.name));
    const names = shortNames();
    const bindings = [...scope.bindings.values()].filter((b) => !b.keep).sort((a, b) => b.uses.length - a.uses.length);
    for (const b of bindings) {
      let name;
      do name = names.next().value; while (taken.has(name) || used.has(name));
      used.add(name);
      newName.set(b, name);
      for (const id of b.uses) renames.set(id, name);
    }
    for (const child of scope.children) give(child);
  };
  give(program);
  return renames;
}

function minify(code) {
  const { ast, module } = parse(code);
  const { program, globals, shorthands } = analyse(ast, module);
  const renames = assignNames(program, globals);
  const replace = new Map();  // token start -> text
  for (const [id, name] of renames) replace.set(id.start, name);
  for (const p of shorthands) {
    const value = p.value.type === 'AssignmentPattern' ? p.value.left : p.value;
    if (renames.has(value)) replace.set(p.key.start, `${p.key.name}:${renames.get(value)}`);
  }
  let out = '';
  let last = null;
  for (const token of acorn.tokenizer(code, { ecmaVersion: 'latest', sourceType: module ? 'module' : 'script', allowHashBang: true })) {
    const text = replace.get(token.start) ?? code.slice(token.start, token.end);
    if (last !== null && text) {
      const a = out[out.length - 1];
      const b = text[0];
      if ((WORD.test(a) && WORD.test(b)) || ((a === '+' || a === '-') && a === b) || (last.type.label === 'num' && b === '.'))
        out += ' ';
    }
    out += text;
    if (text) last = token;
  }
  check(ast, renames, out, module);
  return `${out}\n`;
}

// The minified code must parse to the input's tree, each identifier under
// its new name, and each identifier must still mean what it meant: the same
// binding as the identifiers it was bound with, or the same global. What the
// minifier does is only renaming and layout.
function check(before, renames, code, isModule) {
  const after = acorn.parse(code, { ecmaVersion: 'latest', sourceType: isModule ? 'module' : 'script', allowHashBang: true });
  const pairs = [];  // [Identifier before, Identifier after]
  const same = (a, b, path) => {
    if (a && typeof a === 'object') {
      if (!b || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) throw new Error(`minify-js: ${path} differs`);
      if (a.type === 'Identifier') {
        if (b.type !== 'Identifier' || b.name !== (renames.get(a) ?? a.name)) throw new Error(`minify-js: ${path}: ${a.name} is not ${b.name}`);
        pairs.push([a, b]);
        return;
      }
      const keys = Object.keys(a).filter((k) => !['start', 'end', 'loc', 'raw', 'shorthand'].includes(k));
      for (const k of keys) same(a[k], b[k], `${path}.${k}`);
      return;
    }
    if (a !== b) throw new Error(`minify-js: ${path}: ${a} became ${b}`);
  };
  same(before, after, 'program');
  const meaning = (ast) => {
    const of = new Map();  // Identifier -> its binding, when it has one
    const walk = (scope) => {
      for (const b of scope.bindings.values()) for (const id of b.uses) of.set(id, b);
      scope.children.forEach(walk);
    };
    walk(analyse(ast, isModule).program);
    return of;
  };
  const [was, is] = [meaning(before), meaning(after)];
  const image = new Map();  // binding before -> binding after
  const taken = new Set();
  for (const [a, b] of pairs) {
    const [x, y] = [was.get(a), is.get(b)];
    if (!x !== !y) throw new Error(`minify-js: ${a.name} (${b.name}) changed between a binding and a global`);
    if (!x) continue;
    if (!image.has(x)) {
      if (taken.has(y)) throw new Error(`minify-js: two bindings became ${b.name}`);
      image.set(x, y);
      taken.add(y);
    }
    if (image.get(x) !== y) throw new Error(`minify-js: ${a.name} (${b.name}) now means another binding`);
  }
}

const [input, output] = process.argv.slice(2);
writeFileSync(output, minify(readFileSync(input, 'utf8')));
