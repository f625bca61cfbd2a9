import type { Messages } from './en.ts';

export const ja: Messages = {
  skipToContent: '本文へスキップ',
  brandFallback: 'Trunkshow',
  loading: '読み込み中…',
  landing: {
    eyebrow: 'ホールセール ショールーム',
    title: 'ようこそ',
    titleWithBrand: '{{brand}} へようこそ',
    lead: '{{brand}} から届いたリンクを開くと、あなた向けのセレクションをご覧いただけます。',
    leadNoBrand:
      'ブランドの担当者から届いたリンクを開くと、あなた向けのセレクションをご覧いただけます。',
    howTitle: 'ご利用方法',
    howSelection:
      '共有リンクでは、営業担当者があなたのために選んだスタイルを価格と在庫サイズとともにご覧いただけます。',
    howOrder: '顧客注文リンクでは、お取引条件に沿ったカタログを閲覧し、ご注文いただけます。',
    howHelp: 'リンクが見つからない場合は、営業担当者に再送を依頼してください。',
  },
  shared: {
    eyebrow: '{{buyer}} 様向けセレクション',
    styles: 'スタイル',
    sizes: 'サイズ別数量',
    units_one: '{{count}} 点',
    units_other: '{{count}} 点',
    subtotal: '小計',
    discount: '割引（{{value}} %）',
    total: '合計',
    expired:
      'アクセスリンクの有効期限が切れています。ログインして閲覧を続けるか、ブランドにお問い合わせください。',
    logIn: 'ログイン',
  },
  unreachable: 'ショールームに接続できませんでした。接続を確認してから再読み込みしてください。',
  language: '言語',
  poweredBy: 'Powered by Trunkshow',
};
