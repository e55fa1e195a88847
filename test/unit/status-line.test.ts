import {describe, expect, it} from 'vitest';
import {asStatus} from '../../source/text/index.js';

describe('a status line', () => {
	it('starts upper-case where it starts with a word of the text module, and leaves a username as it is', () => {
		expect(asStatus('through Visio Users: remove them from the group instead')).toBe('Through Visio Users: remove them from the group instead');
		expect(asStatus('self-service purchase: an admin must take over')).toBe('Self-service purchase: an admin must take over');
		expect(asStatus('joni.sherman@contoso.com: nothing')).toBe('joni.sherman@contoso.com: nothing');
		expect(asStatus('Already upper')).toBe('Already upper');
	});
});
