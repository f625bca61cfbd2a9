import { z } from 'zod';
import type { Money as DomainMoney } from '../../main/domain/money.ts';

/**
 * An amount as answers carry it. The domain declares Money as a plain type, without zod:
 * the buyer pages load the domain's money module to format prices and must not load zod
 * with it. This schema is checked against that type, so the two cannot drift apart.
 */
export const Money = z
  .object({
    amountMinor: z.number().int().describe('In the currency’s minor unit (cents, yen).'),
    currency: z.string().describe('ISO 4217 code.'),
  })
  .meta({ id: 'Money' }) satisfies z.ZodType<DomainMoney>;
export type Money = DomainMoney;
