/**
 * Page-level chart settings. Charts are rendered at the width they are shown
 * at on a phone (a 375 px screen leaves ~330 px inside a card), so labels stay
 * ≥ 14 px there; on wider screens the grid keeps figures at most ~480 px wide.
 */
export const CHART_WIDTH = 330;
