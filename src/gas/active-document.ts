/**
 * The Doc the sidebar is open in, through DocumentApp: its ID, and selecting a passage so the writer sees
 * what a finding is about. DocumentApp is the only way to move the user's selection; the Docs API cannot.
 */
import type { ActiveDocument } from './sidebar-server';

/** `Body.findText` takes a regular expression: a passage is searched for literally. */
export function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function activeDocument(app: GoogleAppsScript.Document.DocumentApp = DocumentApp): ActiveDocument {
  return {
    id: () => app.getActiveDocument().getId(),
    select(text, occurrence) {
      const doc = app.getActiveDocument();
      const body = doc.getBody();
      const pattern = literalPattern(text);
      let found = body.findText(pattern);
      for (let k = 0; found && k < occurrence; k++) found = body.findText(pattern, found);
      if (!found) return false;
      const range = doc
        .newRange()
        .addElement(found.getElement().asText(), found.getStartOffset(), found.getEndOffsetInclusive())
        .build();
      doc.setSelection(range);
      return true;
    },
  };
}
