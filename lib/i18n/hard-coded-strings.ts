import ts from 'typescript';

// Finds user-facing text written straight into components instead of coming from the message files:
// JSX text, and string or template literals rendered as children or given to a prop people read or hear.
// Text without a letter (a dash, a dot, a separator) is not language and is allowed.

/** Props whose value a person reads or a screen reader says. */
const USER_FACING_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'caption',
  'description',
  'heading',
  'label',
  'placeholder',
  'title',
]);

const LETTER = /\p{L}/u;

/** Literal words that are the same in every language: names of things, not sentences. */
export const ALLOWED_TEXT = new Set<string>(['CSV', 'JSON']);

export interface HardCodedString {
  file: string;
  line: number;
  text: string;
}

function isText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && LETTER.test(trimmed) && !ALLOWED_TEXT.has(trimmed);
}

/** Literals inside an expression that end up rendered: not arguments of a call (t('key')), not compared. */
function renderedLiterals(node: ts.Node, out: ts.Node[]): void {
  if (ts.isCallExpression(node) || ts.isElementAccessExpression(node) || ts.isJsxElement(node)) return;
  if (ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.PlusToken) {
    // `a === 'x' ? …` compares; `a ?? 'x'` and `a || 'x'` render their right side.
    const k = node.operatorToken.kind;
    if (k === ts.SyntaxKind.QuestionQuestionToken || k === ts.SyntaxKind.BarBarToken)
      renderedLiterals(node.right, out);
    return;
  }
  if (ts.isConditionalExpression(node)) {
    renderedLiterals(node.whenTrue, out);
    renderedLiterals(node.whenFalse, out);
    return;
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    out.push(node);
    return;
  }
  if (ts.isTemplateExpression(node)) {
    out.push(node);
    return;
  }
  node.forEachChild((child) => renderedLiterals(child, out));
}

function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return '';
}

export function findHardCodedStrings(file: string, source: string): HardCodedString[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: HardCodedString[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      text: text.trim(),
    });

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && isText(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      const literals: ts.Node[] = [];
      renderedLiterals(node.expression, literals);
      for (const l of literals) if (isText(literalText(l))) report(l, literalText(l));
    }
    if (ts.isJsxAttribute(node) && USER_FACING_PROPS.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init) && isText(init.text)) report(init, init.text);
      if (ts.isJsxExpression(init) && init.expression) {
        const literals: ts.Node[] = [];
        renderedLiterals(init.expression, literals);
        for (const l of literals) if (isText(literalText(l))) report(l, literalText(l));
      }
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}
