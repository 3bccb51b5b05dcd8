import { Component, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { withTranslation, type WithTranslation } from 'react-i18next';

type Props = WithTranslation & { children: ReactNode };
type State = { error: Error | null };

/** Keeps one broken section from blanking the whole window; "Try again" re-mounts it. */
class ErrorBoundaryBase extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('UI error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { t } = this.props;
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="panel panel--error">
        <h2>{t('errors.title')}</h2>
        <p>{t('errors.intro')}</p>
        <pre className="error-detail">{this.state.error.message}</pre>
        <button type="button" className="button" onClick={() => { this.setState({ error: null }); }}>
          {t('errors.retry')}
        </button>
      </div>
    );
  }
}

export const ErrorBoundary: ComponentType<{ children: ReactNode }> = withTranslation()(ErrorBoundaryBase);
