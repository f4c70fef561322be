import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memory: string;
  platform: string;
  node: string;
  date: string;
  /** 1-minute load average when the run started (other processes compete for the cores). */
  load: number;
}

/** What the figures were measured on. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    platform: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    load: os.loadavg()[0] ?? 0,
  };
}
