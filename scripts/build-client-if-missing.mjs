// `npm start` serves the built client: build it first when it is not there yet.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync(new URL("../client/dist/index.html", import.meta.url))) {
  console.log("Client absent : construction (npm run build)…");
  execSync("npm run build", { stdio: "inherit", cwd: new URL("..", import.meta.url) });
}
