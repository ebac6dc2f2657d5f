// The engine on its own: declare options, define them in several modules, read the configuration.
// Run: npx tsx examples/evaluate-a-module.ts
import { lib, type ConfigOf } from "cuda-modules/lib";

const { evalModules, mkOption, mkDefault, mkForce, types } = lib;

const server = {
  options: {
    port: mkOption({ type: types.port, default: 8080, description: "The port to listen on." }),
    hosts: mkOption({ type: types.listOf(types.str), default: [] }),
  },
};

const config = evalModules({
  modules: [server, { config: { port: mkDefault(80), hosts: ["a.example"] } }, { config: { port: mkForce(443), hosts: ["b.example"] } }],
}).config as ConfigOf<typeof server>;

// The static type follows the declarations: config.port is a number, config.hosts a string[].
console.log(JSON.stringify({ port: config.port, hosts: config.hosts }));
