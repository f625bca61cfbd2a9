import type { Messages } from './en.ts';

/** Japanese for "Open as <buyer>", carried by ja.ts under `openAs`. */
export const jaOpenAs: Messages['openAs'] = {
  rowAction: 'バイヤーとして開く…',
  rowActionLabel: '{{name}} をバイヤーとして開く',
  pickBuyerTitle: '「{{link}}」をバイヤーとして開く',
  pickBuyerLead:
    'リンクがブラウザで開き、バイヤーとしてログインした状態になります。バイヤーに代わってカートを操作し、注文できます。あなたがバイヤーの代理で行ったこととして記録されます。',
  searchBuyers: 'バイヤーを検索',
  buyers: 'バイヤー',
  noBuyers: '該当するバイヤーはいません。',
  open: '{{buyer}}として開く',
  openPlain: 'バイヤーとして開く',
  cancel: 'キャンセル',
  pickLinkTitle: '{{buyer}}としてリンクを開く',
  pickLinkLead:
    '公開中のカスタマーオーダーリンクを選んでください。ブラウザで{{buyer}}としてログインした状態で開きます。あなたがバイヤーの代理で行ったこととして記録されます。',
  links: '公開中のリンク',
  noLinks: '公開中のカスタマーオーダーリンクはありません。先に「リンク」で作成してください。',
  opened: '{{link}}を{{buyer}}としてブラウザで開きました。',
  needsHub:
    'リンクをバイヤーとして開くにはハブへの接続が必要ですが、現在接続できません。代わりにこのショールームでバイヤーの注文を作成できます。',
  loading: '読み込み中…',
  notYourBuyer:
    '{{buyer}}はあなたの担当バイヤーではありません。担当者は自分がセレクションを持つバイヤーとしてのみリンクを開けます。管理者に依頼してください。',
};
