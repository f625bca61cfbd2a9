/** English: the reference every other language translates, key for key. */
export const en = {
  skipToContent: 'Skip to content',
  brandFallback: 'Trunkshow',
  loading: 'Loading…',
  landing: {
    eyebrow: 'Wholesale showroom',
    title: 'Welcome',
    titleWithBrand: 'Welcome to {{brand}}',
    lead: 'Open the link {{brand}} sent you to see your selection.',
    leadNoBrand: 'Open the link your brand contact sent you to see your selection.',
    howTitle: 'How it works',
    howSelection:
      'A share link shows the styles a sales rep picked for you, with prices and available sizes.',
    howOrder:
      'A customer order link lets you browse the catalog under your trading terms and place an order.',
    howHelp: 'Lost the link? Ask your sales rep to send it again.',
  },
  shared: {
    eyebrow: 'Selection for {{buyer}}',
    styles: 'Styles',
    sizes: 'Quantities per size',
    units_one: '{{count}} unit',
    units_other: '{{count}} units',
    subtotal: 'Subtotal',
    discount: 'Discount ({{value}} %)',
    total: 'Total',
    expired:
      'Your access link has expired. Please log in to continue browsing or contact the brand for assistance.',
    limited: 'Too many links that do not open were tried from here. Try again later.',
    checkoutTitle: 'Order this selection',
    checkoutLead:
      'Send your details with Request Checkout: the brand completes the checkout with you.',
    checkoutLeadPrepay:
      'Request Checkout for the brand to complete it with you, or complete checkout now with prepayment.',
    name: 'Your name',
    email: 'Email',
    phone: 'Phone (optional)',
    note: 'Note for the brand (optional)',
    completeCheckout: 'Complete checkout',
    checkoutFailed: 'The checkout could not be sent. Nothing was ordered.',
    onlyLeft: '{{style}}: only {{available}} left in {{size}}.',
    stockShort: 'Nothing was ordered: ask the brand to change the quantity.',
    nameMissing: 'Type your name.',
    emailMissing: 'Type your email address.',
    emailInvalid: 'Type an email address such as name@shop.com.',
    tooLong: 'Shorten this to {{max}} characters or fewer.',
    fieldInvalid: 'Check what is typed here.',
    requested: 'Thank you. The brand has your request and completes the checkout with you.',
    ordered: 'Thank you. Your order is placed.',
    logIn: 'Log in',
    wholesale: 'Wholesale',
    retail: 'Retail',
    deadlinePassed:
      'Orders for {{catalog}} closed on {{date}}. This style is not part of the order.',
    leftOut_one: '{{count}} style is past its order deadline and is not part of this order.',
    leftOut_other: '{{count}} styles are past their order deadline and are not part of this order.',
    nothingOrderable: 'Every style here is past its order deadline: nothing can be ordered.',
    deadlineRefused:
      'Orders for {{styles}} have closed since this page opened. Nothing was ordered: reload the page to see what can still be ordered.',
  },
  account: {
    title: 'Log in',
    password: 'Password',
    wrongPassword: 'The email or password is not right.',
    tooManyTries: 'Too many tries. Wait a few minutes, then try again.',
    logInFailed: 'Logging in did not work. Try again.',
    notShared: 'This selection is not shared with your account.',
    help: 'Your brand contact creates your account. Lost your password? Ask them.',
    loggedInAs: 'Logged in as {{person}}',
    yourSelections: 'Your selections',
    logOut: 'Log out',
    selectionsTitle: 'Your selections',
    noSelections: 'No selections yet. Your sales rep shares them with your stores.',
    selectionMeta: '{{buyer}} · {{units}} · updated {{date}}',
    demoTitle: 'Demo buyers',
    demoLead:
      'This is the demo brand: each of these buyers logs in with the password {{password}}.',
    demoUse: 'Use {{name}} ({{store}})',
  },
  unreachable: 'This page could not reach the showroom. Check your connection, then reload.',
  language: 'Language',
  poweredBy: 'Powered by Trunkshow',
};

/** Same keys as English, every value a string: a missing translation fails the type check. */
export type Messages = {
  [Key in keyof typeof en]: (typeof en)[Key] extends string
    ? string
    : { [Inner in keyof (typeof en)[Key]]: string };
};
