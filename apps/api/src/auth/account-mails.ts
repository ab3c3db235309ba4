import type { AppConfig } from '../config/config';

export interface AccountMail {
  subject: string;
  body: string;
}

/** Where the web app is: PUBLIC_URL, else the local web app (account e-mails cannot do without a link). */
export function webUrl(config: AppConfig): string {
  return config.publicUrl ?? `http://localhost:${config.webPort}`;
}

function link(config: AppConfig, path: string, token: string): string {
  return `${webUrl(config)}${path}?token=${encodeURIComponent(token)}`;
}

const SIGN_OFF = ['', '--', 'Peerdesk'];

export function registrationMail(config: AppConfig, displayName: string, token: string, validHours: number): AccountMail {
  return {
    subject: 'Finish creating your Peerdesk account',
    body: [
      `Hello ${displayName},`,
      '',
      'Open this link to finish creating your account:',
      link(config, '/register/confirm', token),
      '',
      `The link works once, for ${validHours} hours. If you did not ask for an account, ignore this e-mail: none is made without it.`,
      ...SIGN_OFF,
    ].join('\n'),
  };
}

export function alreadyRegisteredMail(config: AppConfig, displayName: string): AccountMail {
  return {
    subject: 'Someone tried to create a Peerdesk account with your address',
    body: [
      `Hello ${displayName},`,
      '',
      'Someone tried to create a new account with this e-mail address, which already has one: yours. Nothing was changed.',
      '',
      `If it was you, sign in: ${webUrl(config)}/login`,
      `Forgot your password? Set a new one: ${webUrl(config)}/forgot-password`,
      '',
      'If it was not you, you can ignore this e-mail.',
      ...SIGN_OFF,
    ].join('\n'),
  };
}

export function passwordResetMail(config: AppConfig, displayName: string, token: string, validMinutes: number): AccountMail {
  return {
    subject: 'Reset your Peerdesk password',
    body: [
      `Hello ${displayName},`,
      '',
      'Someone (we hope you) asked to reset the password of your account. Open this link to choose a new one:',
      link(config, '/reset-password', token),
      '',
      `The link works once, for ${validMinutes} minutes. Setting a new password signs you out everywhere.`,
      'If you did not ask for this, ignore this e-mail: your password stays as it is.',
      ...SIGN_OFF,
    ].join('\n'),
  };
}

export function passwordChangedMail(config: AppConfig, displayName: string): AccountMail {
  return {
    subject: 'Your Peerdesk password was changed',
    body: [
      `Hello ${displayName},`,
      '',
      'The password of your account was just changed.',
      `If that was not you, set a new one at once: ${webUrl(config)}/forgot-password`,
      ...SIGN_OFF,
    ].join('\n'),
  };
}

export function emailChangeMail(config: AppConfig, displayName: string, token: string, validHours: number): AccountMail {
  return {
    subject: 'Confirm your new Peerdesk e-mail address',
    body: [
      `Hello ${displayName},`,
      '',
      'Open this link to use this address for your account from now on:',
      link(config, '/account/confirm-email', token),
      '',
      `The link works once, for ${validHours} hours. If you did not ask for this, ignore this e-mail.`,
      ...SIGN_OFF,
    ].join('\n'),
  };
}

export function emailTakenMail(config: AppConfig): AccountMail {
  return {
    subject: 'Someone tried to move a Peerdesk account to your address',
    body: [
      'Hello,',
      '',
      'Someone asked to use this e-mail address for their account, but it already belongs to an account (yours). Nothing was changed.',
      `If you have forgotten your password, set a new one: ${webUrl(config)}/forgot-password`,
      ...SIGN_OFF,
    ].join('\n'),
  };
}

export function emailChangeRequestedMail(config: AppConfig, displayName: string, newEmail: string): AccountMail {
  return {
    subject: 'Your Peerdesk e-mail address is about to change',
    body: [
      `Hello ${displayName},`,
      '',
      `Someone signed in to your account asked to move it to ${newEmail}. It moves once that address confirms it.`,
      `If that was not you, change your password at once: ${webUrl(config)}/forgot-password`,
      ...SIGN_OFF,
    ].join('\n'),
  };
}
