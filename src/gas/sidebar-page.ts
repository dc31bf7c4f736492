/** Opens the CEAD sidebar: build/sidebar.html, one file with its script and styles inlined. */
export const SIDEBAR_FILE = 'sidebar';

export function showSidebarPage(): void {
  const page = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle('CEAD');
  DocumentApp.getUi().showSidebar(page);
}
