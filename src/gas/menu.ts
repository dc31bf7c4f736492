/**
 * The CEAD menu in Google Docs. `createAddonMenu` needs no authorization, so it is safe in `onOpen`'s
 * limited mode; every item names an entry point listed in src/gas/entry-points.json.
 */
export const MENU_ITEMS: ReadonlyArray<{ readonly caption: string; readonly functionName: string }> = [
  { caption: 'Open CEAD', functionName: 'showSidebar' },
];

export function addMenu(): void {
  const menu = DocumentApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}
