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
    checkoutTitle: 'このセレクションを注文',
    checkoutLead:
      '「Request Checkout」で連絡先を送ってください。ブランドがチェックアウトを完了します。',
    checkoutLeadPrepay:
      '「Request Checkout」でブランドに完了を依頼するか、前払いで今すぐチェックアウトを完了できます。',
    name: 'お名前',
    email: 'メールアドレス',
    phone: '電話番号（任意）',
    note: 'ブランドへのメモ（任意）',
    completeCheckout: 'チェックアウトを完了',
    checkoutFailed: 'チェックアウトを送信できませんでした。注文はされていません。',
    requested: 'ありがとうございます。ブランドがリクエストを受け取り、チェックアウトを完了します。',
    ordered: 'ありがとうございます。ご注文を承りました。',
    logIn: 'ログイン',
    wholesale: '卸価格 {{price}}',
    retail: '上代 {{price}}',
  },
  account: {
    title: 'ログイン',
    password: 'パスワード',
    help: 'アカウントはブランドの担当者が作成します。パスワードを忘れた場合は担当者にお問い合わせください。',
    loggedInAs: '{{person}} でログイン中',
    yourSelections: 'セレクション一覧',
    logOut: 'ログアウト',
    selectionsTitle: 'セレクション一覧',
    noSelections: 'セレクションはまだありません。営業担当者があなたのお店と共有します。',
    selectionMeta: '{{buyer}} · {{units}} · {{date}} 更新',
  },
  unreachable: 'ショールームに接続できませんでした。接続を確認してから再読み込みしてください。',
  language: '言語',
  poweredBy: 'Powered by Trunkshow',
};
