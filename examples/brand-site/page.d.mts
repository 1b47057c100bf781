/** The brand's partner portal page, as HTML. */
export function renderPortal(options: { apiUrl: string; memberName: string; brandName: string }): string;
