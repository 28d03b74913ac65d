/**
 * Python projects that use MongoDB (server/src/pythonProject.ts): the nearest folder with a Python
 * manifest decides, by the driver and mapper packages it names outside comments.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { PythonProjects } from '../../server/src/pythonProject';
import { isManifest, MANIFEST_GLOBS, namesDriverPackage } from '../../server/src/projectManifests';
import { tempFolder } from '../helpers/files';

describe('a manifest that names a MongoDB package', () => {
  test('requirements, pyproject (PEP 621 and Poetry), Pipfile, setup.py and setup.cfg', () => {
    for (const text of [
      'fastapi==0.111.0\npymongo[srv]==4.7.2\n',
      'motor>=3.4,<4\n',
      'Django>=4.2\ndjango-mongodb-backend==5.0.0\n',
      '[project]\nname = "shop"\ndependencies = [\n  "fastapi>=0.110",\n  "beanie~=1.26",\n]\n',
      '[tool.poetry.dependencies]\npython = "^3.12"\nmongoengine = "^0.28.2"\n',
      '[packages]\nflask = "*"\nflask-pymongo = "*"\n',
      'from setuptools import setup\nsetup(name="jobs", install_requires=["requests", "odmantic>=1.0"])\n',
      '[options]\ninstall_requires =\n    pymongo\n    click\n',
      'PyMongo==4.7.2\n',
    ]) {
      assert.ok(namesDriverPackage(text), text);
    }
  });

  test('not in a comment, in another package or in a longer word', () => {
    for (const text of [
      'psycopg2-binary==2.9.9\nsqlalchemy>=2\n',
      '# pymongo is not used any more\nredis==5.0.4\n',
      'requests==2.32.3  # a motor controller library would go here\n',
      'types-pymongo==4.0\n',
      'pymongo-inmemory==0.4\n',
      'motorcycle==1.0\n',
      '[project]\ndescription = "Controls the stepper_motor of the rig"\n',
    ]) {
      assert.ok(!namesDriverPackage(text), text);
    }
  });
});

describe('PythonProjects', () => {
  test('the nearest folder with a manifest decides; a change is seen after clear()', () => {
    const dir = tempFolder({
      'services/orders/requirements.txt': 'pymongo==4.7.2\n',
      'services/orders/app/repository.py': 'pass\n',
      'services/billing/pyproject.toml': '[project]\ndependencies = ["psycopg[binary]>=3.1"]\n',
      'services/billing/app/ledger.py': 'pass\n',
      'tools/requirements.txt': 'motor==3.4.0\n',
      'tools/scripts/nested/deeper/seed.py': 'pass\n',
      'loose/script.py': 'pass\n',
    });
    const projects = new PythonProjects();
    assert.equal(projects.isPythonProjectFile(path.join(dir, 'services/orders/app/repository.py')), true);
    assert.equal(projects.isPythonProjectFile(path.join(dir, 'services/billing/app/ledger.py')), false);
    assert.equal(projects.isPythonProjectFile(path.join(dir, 'tools/scripts/nested/deeper/seed.py')), true);
    assert.equal(projects.isPythonProjectFile(path.join(dir, 'loose/script.py')), false);

    writeFileSync(path.join(dir, 'services/billing/requirements.txt'), 'pymongo==4.7.2\n');
    assert.equal(projects.isPythonProjectFile(path.join(dir, 'services/billing/app/ledger.py')), false, 'cached until clear()');
    projects.clear();
    assert.equal(projects.isPythonProjectFile(path.join(dir, 'services/billing/app/ledger.py')), true, 'any of the folder\'s manifests');
    rmSync(path.join(dir, 'tools/requirements.txt'));
    projects.clear();
    assert.equal(projects.isPythonProjectFile(path.join(dir, 'tools/scripts/nested/deeper/seed.py')), false);
  });
});

describe("pip's other requirement files", () => {
  test('requirements-dev.txt, requirements_prod.in and the files of a requirements/ folder are manifests too', () => {
    const dir = tempFolder({
      'api/requirements-dev.txt': 'pytest==8.2\nmongomock==4.1\npymongo==4.7.2\n',
      'api/app/main.py': 'pass\n',
      'worker/requirements/base.txt': 'celery==5.4\nmotor==3.4.0\n',
      'worker/requirements/dev.txt': '-r base.txt\npytest==8.2\n',
      'worker/tasks/jobs.py': 'pass\n',
      'etl/requirements_prod.in': 'mongoengine\n',
      'etl/load.py': 'pass\n',
      'web/requirements/base.txt': 'django==5.0\n',
      'web/requirements-notes.md': 'pymongo was tried once\n',
      'web/views.py': 'pass\n',
    });
    const projects = new PythonProjects();
    assert.equal(projects.isPythonProjectFile(path.join(dir, 'api/app/main.py')), true, 'requirements-dev.txt');
    assert.equal(projects.isPythonProjectFile(path.join(dir, 'worker/tasks/jobs.py')), true, 'requirements/base.txt');
    assert.equal(projects.isPythonProjectFile(path.join(dir, 'etl/load.py')), true, 'requirements_prod.in');
    assert.equal(projects.isPythonProjectFile(path.join(dir, 'web/views.py')), false, 'a requirements/ folder without a driver; a note is no manifest');
  });

  test('the language server watches them: isManifest and the globs', () => {
    for (const file of ['/p/requirements.txt', '/p/requirements-dev.txt', '/p/requirements_prod.in', '/p/requirements/base.txt', 'file:///p/requirements/dev.in', '/p/pyproject.toml', '/p/package.json', 'C:\\p\\requirements\\base.txt']) {
      assert.equal(isManifest(file), true, file);
    }
    for (const file of ['/p/requirements.md', '/p/docs/base.txt', '/p/myrequirements.txt', '/p/requirements/notes.md']) assert.equal(isManifest(file), false, file);
    assert.ok(MANIFEST_GLOBS.some((g) => g.includes('requirements*.txt')) && MANIFEST_GLOBS.some((g) => g.includes('requirements/*.{txt,in}')));
  });
});
