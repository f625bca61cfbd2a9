import { useEffect, useRef, useState } from 'react';
import { linkPictureUrl } from './link-pictures.ts';

/**
 * How far below the screen a picture is fetched: about a screen, so scrolling finds
 * pictures there; farther ones wait. A phone's first page of 24 styles fetched every
 * picture at once, two dozen requests and renders while the page was still settling.
 */
const FETCH_MARGIN = '800px';

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
  const [near, setNear] = useState(first);
  const placeholder = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const element = placeholder.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: FETCH_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  useEffect(() => {
    let current = true;
    if (id && near) void linkPictureUrl(token, id, first).then((made) => current && setUrl(made));
    return () => {
      current = false;
    };
  }, [token, id, first, near]);
  if (!url) {
    return (
      <span
        ref={placeholder}
        className={`${className ?? ''} link-picture--empty`}
        aria-hidden="true"
      />
    );
  }
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
