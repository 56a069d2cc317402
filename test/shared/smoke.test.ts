import { it, expect } from 'vitest';
import { Who } from '../../shared/protocol';
it('parses', () => expect(Who.parse('coach')).toBe('coach'));
