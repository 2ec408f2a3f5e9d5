// The README's React pattern, as TSX: compiled with tsc 5 by tests/e2e/types.test.mjs against the element's d.ts.
import { useEffect, useRef, useState } from 'react';
import type { ArticleWidgetElement } from '../../web/article-widget';

// React's JSX knows the element's attributes through this declaration (the README shows it).
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'article-widget': React.DetailedHTMLProps<React.HTMLAttributes<ArticleWidgetElement>, ArticleWidgetElement> &
        { src?: string; config?: string; theme?: 'light' | 'dark' | 'auto'; 'hash-prefix'?: string; 'start-stage'?: string };
    }
  }
}

export function Explainer({ text }: { text: string }) {
  const ref = useRef<ArticleWidgetElement>(null);
  const [stage, setStage] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.markdown = text;
    const onStage = (e: CustomEvent<{ index: number }>) => setStage(e.detail.index);
    el.addEventListener('stagechange', onStage);
    const onError = (e: CustomEvent<{ message: string }>) => console.warn(e.detail.message);
    el.addEventListener('articleerror', onError);
    return () => {
      el.removeEventListener('stagechange', onStage);
      el.removeEventListener('articleerror', onError);
    };
  }, [text]);
  // A listener of the wrong type is refused.
  const wrong = (e: CustomEvent<{ open: boolean }>) => e.detail.open;
  // @ts-expect-error the detail of stagechange has no `open`
  ref.current?.addEventListener('stagechange', wrong);
  return <article-widget ref={ref} theme="light" data-stage={stage} />;
}
