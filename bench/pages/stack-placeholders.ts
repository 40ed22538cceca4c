/*
 * Stack ids for the baseline pages. They are only built and weighed, never run against a
 * backend, so placeholders of the right shape are enough.
 */
export const region = 'us-east-1';
export const userPoolId = 'us-east-1_BenchPool1';
export const userPoolClientId = '1example23456789abcdefghij';
export const identityPoolId = 'us-east-1:00000000-0000-4000-8000-000000000000';
export const bucket = 'auths3stack-filesbucket-bench';
