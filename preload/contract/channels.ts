/** The IPC channels between the preload and the main process; nothing else is listened to. */
export const IPC_INVOKE = 'trunkshow:invoke';
export const IPC_CHOOSE_CSV_FILES = 'trunkshow:choose-csv-files';
