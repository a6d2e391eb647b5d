#!/usr/bin/env python3
"""The import graph of src/: which module uses which (by `crate::` and
`super::` paths outside tests), and its circles.

    python3 tools/module-graph.py        # top-level modules
    python3 tools/module-graph.py 2      # render::, search::, serve::, content:: split
"""
import re,os,sys,itertools
root=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')
root=os.path.normpath(root)
def modname(path):
    p=path[len(root)+1:-3]
    parts=p.split('/')
    if parts[-1]=='mod': parts=parts[:-1]
    if parts==['lib'] or parts==['main']: return None
    return parts
edges=set()
mods=set()
depth=int(sys.argv[1]) if len(sys.argv)>1 else 1
def top(parts):
    return '::'.join(parts[:depth]) if parts[0] in ('render','search','serve','content') and depth>1 else parts[0]
for dp,_,fs in os.walk(root):
    for f in fs:
        if not f.endswith('.rs'): continue
        path=os.path.join(dp,f); m=modname(path)
        if not m: continue
        src=open(path).read()
        # strip tests
        src=src.split('#[cfg(test)]')[0]
        a=top(m); mods.add(a)
        # expand crate::{x, y::z}
        for mt in re.finditer(r'crate::\{([^;]*?)\};',src,re.S):
            for item in re.split(r',\s*',mt.group(1)):
                item=item.strip()
                if item: 
                    b=top(re.findall(r'\w+',item)) if re.findall(r'\w+',item) else None
                    if b and b!=a: edges.add((a,b))
        for mt in re.finditer(r'crate::((?:\w+::)*\w+)',src):
            parts=mt.group(1).split('::')
            b=top(parts)
            if b!=a: edges.add((a,b))
        # super:: references within submodules
        for mt in re.finditer(r'super::((?:\w+::)*\w+)',src):
            if len(m)>=2:
                parts=m[:-1]+mt.group(1).split('::') if not path.endswith('mod.rs') else m[:-1]+mt.group(1).split('::')
                b=top(parts)
                if b!=a: edges.add((a,b))
import collections
g=collections.defaultdict(set)
for a,b in edges: g[a].add(b)
# find SCCs
index={};low={};st=[];on=set();res=[];i=[0]
def sc(v):
    index[v]=low[v]=i[0];i[0]+=1;st.append(v);on.add(v)
    for w in g[v]:
        if w not in index: sc(w);low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],index[w])
    if low[v]==index[v]:
        c=[]
        while True:
            w=st.pop();on.discard(w);c.append(w)
            if w==v:break
        res.append(c)
sys.setrecursionlimit(10000)
for v in list(g)+list(mods):
    if v not in index: sc(v)
for a in sorted(g): print(a,'->',' '.join(sorted(g[a])))
cycles=[c for c in res if len(c)>1]
print('circles:', cycles if cycles else 'none')
sys.exit(1 if cycles else 0)
