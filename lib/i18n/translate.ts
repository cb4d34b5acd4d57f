// The call shape of a next-intl translator (useTranslations, getTranslations, createTranslator), for pure
// helpers that put sentences together: they take the translator of their namespace and stay testable.
export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;
