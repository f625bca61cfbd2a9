import { useEffect, useState } from 'react';
import { linkPictureUrl } from './link-pictures.ts';

/** A picture of the link, fetched with its token; nothing while it comes or when it cannot. */
export function LinkPicture({
  token,
  id,
  alt,
  className,
  first = false,
}: {
  token: string;
  id: string | null;
  alt: string;
  className?: string;
  first?: boolean;
}) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    if (id) void linkPictureUrl(token, id, first).then((made) => current && setUrl(made));
    return () => {
      current = false;
    };
  }, [token, id, first]);
  if (!url) return <span className={`${className ?? ''} link-picture--empty`} aria-hidden="true" />;
  return (
    <img
      className={className}
      src={url}
      alt={alt}
      decoding="async"
      {...(first ? { fetchPriority: 'high' as const } : { loading: 'lazy' as const })}
    />
  );
}
