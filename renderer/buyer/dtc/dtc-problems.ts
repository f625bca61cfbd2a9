import type { TFunction } from 'i18next';

/**
 * Where each problem of a DTC basket shows, in the customer's words: at its line (the
 * `index` of the basket's line, or the SKU short of stock), at the country, at the
 * shipping, or above the button. The codes are the domain's (main/domain/dtc-checkout.ts)
 * and the order service's; their params are what the words need.
 */
export interface BasketProblems {
  lines: Record<number, string>;
  country?: string;
  shipping?: string;
  general: string[];
}

type Problem = { code: string; params: Record<string, string | number> };

export function basketProblems(
  problems: readonly Problem[],
  t: TFunction,
  context: {
    /** A country's name in the page's language. */
    countryName: (code: string) => string;
    /** The basket's line of a SKU, for the problems that name a SKU only. */
    lineOf: (skuId: string) => number;
    /** A line's saved quantity: the units its special price covers. */
    savedQuantity: (index: number) => number;
  },
): BasketProblems {
  const found: BasketProblems = { lines: {}, general: [] };
  const atLine = (index: number, words: string) => {
    if (index >= 0 && found.lines[index] === undefined) found.lines[index] = words;
  };
  const lineIndex = (params: Problem['params']) =>
    params.index === undefined ? context.lineOf(String(params.skuId)) : Number(params.index);
  for (const { code, params } of problems) {
    const country = () => context.countryName(String(params.country));
    switch (code) {
      case 'dtc_quantity_invalid':
        atLine(lineIndex(params), t('dtc.problem_quantity', { max: params.max }));
        break;
      case 'dtc_quantity_above_saved':
        atLine(lineIndex(params), t('dtc.problem_quantityAboveSaved', { max: params.max }));
        break;
      case 'dtc_no_retail_price': {
        const index = lineIndex(params);
        atLine(index, t('dtc.problem_noRetailPrice', { max: context.savedQuantity(index) }));
        break;
      }
      case 'dtc_sku_not_in_basket':
      case 'dtc_sku_repeated':
        atLine(lineIndex(params), t('dtc.problem_notInBasket'));
        break;
      case 'insufficient_stock':
        atLine(
          lineIndex(params),
          Number(params.available) > 0
            ? t('dtc.problem_onlyLeft', { available: params.available })
            : t('dtc.problem_noneLeft'),
        );
        if (!found.general.includes(t('dtc.problem_stockShort'))) {
          found.general.push(t('dtc.problem_stockShort'));
        }
        break;
      case 'dtc_country_not_in_market':
        found.country = t('dtc.problem_countryNotInMarket', { country: country() });
        break;
      case 'dtc_no_shipping_to_country':
        found.shipping = t('dtc.problem_noShipping', { country: country() });
        break;
      case 'dtc_shipping_rate_unknown':
        found.shipping = t('checkout.problem_chooseRate');
        break;
      case 'dtc_basket_empty':
        found.general.push(t('dtc.problem_basketEmpty'));
        break;
      case 'dtc_basket_too_large':
        found.general.push(t('dtc.problem_tooLarge'));
        break;
      default:
        found.general.push(t('dtc.problem_failed'));
    }
  }
  return found;
}
