import { useTranslation } from 'react-i18next';
import type { CustomerLinkView } from '../../../preload/contract/buyer-api/index.ts';

type Contacts = Extract<CustomerLinkView, { screen: 'logIn' }>['contacts'];

/** The people of the brand a buyer may ask, as the link names them ("Add an additional contact"). */
export function LinkContacts({ contacts }: { contacts: Contacts }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return null;
  return (
    <section className="link-contacts" aria-labelledby="link-contacts-title">
      <h2 id="link-contacts-title">{t('link.contactsTitle')}</h2>
      <ul>
        {contacts.map((contact, index) => (
          <li key={index}>
            <p className="link-contacts__name">
              {[contact.firstName, contact.lastName].filter(Boolean).join(' ')}
            </p>
            {contact.email ? (
              <p>
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </p>
            ) : null}
            {contact.phone ? (
              <p>
                <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
              </p>
            ) : null}
            {contact.note ? <p className="link-contacts__note">{contact.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
