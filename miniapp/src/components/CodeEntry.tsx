import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

interface CodeEntryProps {
  /** How many digits the code has (6 for check-in and meals, 8 for redemptions). */
  digits: number;
  placeholder: string;
  label: string;
  hint?: string;
  busy: boolean;
  inputTestId: string;
  buttonTestId?: string;
  /** Called with each change (e.g. to clear an earlier result). */
  onTyping?(): void;
  /** Resolves true when the code was accepted; the box is then cleared. */
  onSubmit(code: string): Promise<boolean>;
}

/** A big numeric box for a code someone reads out or shows, and the button that sends it. */
export function CodeEntry({ digits, placeholder, label, hint, busy, inputTestId, buttonTestId, onTyping, onSubmit }: CodeEntryProps) {
  const [code, setCode] = useState('');
  const complete = code.length === digits;
  return (
    <View className="code-entry">
      {hint && <Text className="code-entry-hint">{hint}</Text>}
      <Input
        className="text-input code-input big-code-input"
        type="number"
        maxlength={digits}
        value={code}
        placeholder={placeholder}
        data-testid={inputTestId}
        onInput={(e) => {
          setCode(e.detail.value.replace(/\D/g, ''));
          onTyping?.();
        }}
      />
      <Button
        className="big-button wide-button"
        type="primary"
        disabled={!complete}
        loading={busy}
        data-testid={buttonTestId}
        onClick={async () => {
          if (await onSubmit(code)) setCode('');
        }}
      >
        {label}
      </Button>
    </View>
  );
}
